package io.stella.registry.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values (RFC 7235): several challenges may share one header, each a
 * scheme followed by comma-separated {@code name=value} or {@code name="quoted value"} parameters.
 */
public final class ChallengeParser {

    private final String input;
    private int pos;

    private ChallengeParser(String input) {
        this.input = input;
    }

    public static List<Challenge> parse(List<String> headerValues) {
        List<Challenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parse(value));
        }
        return all;
    }

    public static List<Challenge> parse(String headerValue) {
        return new ChallengeParser(headerValue == null ? "" : headerValue).challenges();
    }

    private List<Challenge> challenges() {
        List<Challenge> result = new ArrayList<>();
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            skipSeparators();
            if (pos >= input.length()) {
                break;
            }
            String token = readToken();
            if (token.isEmpty()) {
                pos++; // stray character: skip it rather than loop
                continue;
            }
            skipSpaces();
            if (pos < input.length() && input.charAt(pos) == '=' && scheme != null) {
                pos++;
                skipSpaces();
                params.put(token.toLowerCase(Locale.ROOT), readValue());
            } else {
                if (scheme != null) {
                    result.add(new Challenge(scheme, orderedCopy(params)));
                    params = new LinkedHashMap<>();
                }
                scheme = token;
            }
        }
        if (scheme != null) {
            result.add(new Challenge(scheme, orderedCopy(params)));
        }
        return result;
    }

    private static Map<String, String> orderedCopy(Map<String, String> params) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    private void skipSeparators() {
        while (pos < input.length() && (input.charAt(pos) == ',' || Character.isWhitespace(input.charAt(pos)))) {
            pos++;
        }
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private String readToken() {
        int start = pos;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '=' || c == ',' || c == '"' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        return input.substring(start, pos);
    }

    private String readValue() {
        if (pos < input.length() && input.charAt(pos) == '"') {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < input.length() && input.charAt(pos) != '"') {
                char c = input.charAt(pos++);
                if (c == '\\' && pos < input.length()) {
                    c = input.charAt(pos++);
                }
                sb.append(c);
            }
            pos++; // closing quote
            return sb.toString();
        }
        int start = pos;
        while (pos < input.length() && input.charAt(pos) != ',' && !Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }
}
