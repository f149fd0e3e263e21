package io.stella.cli.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.logstash.logback.mask.ValueMasker;

/**
 * The log file's safety net: stella's own messages already redact secrets, but any string value written to the log
 * (message or field) that still looks like a credential has that part replaced by {@value #MASK}.
 */
public final class SecretRedaction implements ValueMasker {
    public static final String MASK = "****";

    /** Group 1 of each pattern is the secret; what names it stays readable. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)\\bauthorization\\s*[:=]\\s*((?:\\w+\\s+)?[^\\s,;\"']+)"),
            // a credential, not a word: "Basic YWxpY2U6…" but not "basic authentication"
            Pattern.compile("(?i)\\b(?:bearer|basic)\\s+((?=[A-Za-z0-9._~+/=-]*(?:[0-9._~+/=-]|(?-i:[a-z][A-Z])))"
                    + "[A-Za-z0-9._~+/=-]{8,})"),
            Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|refresh_token|access_token|client_secret|api_key)"
                    + "\"?\\s*[=:]\\s*\"?([^\\s&,;\"']+)"),
            // a JWT (base64url JSON header "eyJ…") whole or truncated
            Pattern.compile("(eyJ[A-Za-z0-9_-]{4,}(?:\\.[A-Za-z0-9_-]*){0,2})"));

    /** {@code text} with every secret-shaped part masked. */
    public static String redact(String text) {
        String result = text;
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(result);
            StringBuilder out = new StringBuilder();
            boolean found = false;
            while (m.find()) {
                found = true;
                String whole = m.group();
                int start = m.start(1) - m.start();
                int end = m.end(1) - m.start();
                String masked = whole.substring(0, start) + MASK + whole.substring(end);
                m.appendReplacement(out, Matcher.quoteReplacement(masked));
            }
            if (found) {
                m.appendTail(out);
                result = out.toString();
            }
        }
        return result;
    }

    @Override
    public Object mask(JsonStreamContext context, Object value) {
        if (value instanceof CharSequence text) {
            String redacted = redact(text.toString());
            return redacted.contentEquals(text) ? null : redacted;
        }
        return null;
    }
}
