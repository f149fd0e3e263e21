package io.stella.vulndb.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A RubyGems version as {@code Gem::Version} sees it: segments that are digit runs (kept as digit strings)
 * or letter runs, with a hyphen meaning {@code .pre.}. Any letter segment makes it a pre-release.
 */
record GemVersion(List<String> segments) implements Comparable<GemVersion> {

    static GemVersion parse(String text) throws InvalidVersionException {
        String version = text.strip();
        if (version.isEmpty()) {
            // Gem::Version treats a blank version as "0"
            return new GemVersion(List.of("0"));
        }
        checkSyntax(text, version);
        List<String> segments = new ArrayList<>();
        int i = 0;
        while (i < version.length()) {
            char c = version.charAt(i);
            int end = i;
            if (NumericText.isDigit(c)) {
                end = NumericText.digitsEnd(version, i);
            } else if (NumericText.isLetter(c)) {
                while (end < version.length() && NumericText.isLetter(version.charAt(end))) {
                    end++;
                }
            } else {
                if (c == '-') {
                    segments.add("pre");
                }
                i++;
                continue;
            }
            segments.add(version.substring(i, end));
            i = end;
        }
        return new GemVersion(canonical(segments));
    }

    /** {@code Gem::Version}'s pattern: digits, then {@code .alnum} groups, then an optional {@code -alnum.alnum}. */
    private static void checkSyntax(String text, String version) throws InvalidVersionException {
        if (!NumericText.isDigit(version.charAt(0))) {
            throw invalid(text, "must start with a digit");
        }
        int hyphen = version.indexOf('-');
        String main = hyphen < 0 ? version : version.substring(0, hyphen);
        for (int i = 0; i < main.length(); i++) {
            char c = main.charAt(i);
            boolean dotOk = c == '.' && i + 1 < main.length() && main.charAt(i + 1) != '.';
            if (!(NumericText.isDigit(c) || NumericText.isLetter(c) || dotOk)) {
                throw invalid(text, "unexpected '" + c + "'");
            }
        }
        if (hyphen >= 0) {
            String pre = version.substring(hyphen + 1);
            if (pre.isEmpty() || pre.startsWith(".") || pre.endsWith(".") || pre.contains("..")) {
                throw invalid(text, "malformed part after '-'");
            }
            for (int i = 0; i < pre.length(); i++) {
                char c = pre.charAt(i);
                if (!(NumericText.isDigit(c) || NumericText.isLetter(c) || c == '.' || c == '-')) {
                    throw invalid(text, "unexpected '" + c + "'");
                }
            }
        }
    }

    /**
     * Gem::Version#canonical_segments: the numeric prefix and the rest (from the first letter segment on),
     * each without trailing zeros, joined again.
     */
    private static List<String> canonical(List<String> segments) {
        int firstText = 0;
        while (firstText < segments.size() && NumericText.isAllDigits(segments.get(firstText))) {
            firstText++;
        }
        List<String> result = new ArrayList<>(withoutTrailingZeros(segments.subList(0, firstText)));
        result.addAll(withoutTrailingZeros(segments.subList(firstText, segments.size())));
        return List.copyOf(result);
    }

    private static List<String> withoutTrailingZeros(List<String> segments) {
        int end = segments.size();
        while (end > 0 && isZero(segments.get(end - 1))) {
            end--;
        }
        return segments.subList(0, end);
    }

    private static boolean isZero(String segment) {
        return NumericText.isAllDigits(segment) && NumericText.compare(segment, "0") == 0;
    }

    @Override
    public int compareTo(GemVersion other) {
        for (int i = 0; i < Math.max(segments.size(), other.segments.size()); i++) {
            String a = i < segments.size() ? segments.get(i) : "0";
            String b = i < other.segments.size() ? other.segments.get(i) : "0";
            boolean aNumeric = NumericText.isAllDigits(a);
            boolean bNumeric = NumericText.isAllDigits(b);
            int order;
            if (aNumeric && bNumeric) {
                order = NumericText.compare(a, b);
            } else if (aNumeric != bNumeric) {
                order = aNumeric ? 1 : -1;
            } else {
                order = Integer.signum(a.compareTo(b));
            }
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(RubyGemsVersionScheme.ID, text, "malformed version number: " + reason);
    }
}
