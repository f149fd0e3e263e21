package io.stella.vulndb.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Packagist version as PHP's {@code version_compare} sees it after canonicalisation: a leading {@code v}
 * dropped, then components that are digit runs or non-digit runs, split at {@code . - _ +}, at any other
 * character that is not a letter, digit or {@code #}, and between digits and non-digits.
 */
record PackagistVersion(List<String> components) implements Comparable<PackagistVersion> {
    /** The weight of a number when it meets a special form, as {@code version_compare}'s {@code #}. */
    private static final int NUMBER = 4;

    static PackagistVersion parse(String text) throws InvalidVersionException {
        String version = text.strip();
        if (version.isEmpty()) {
            throw invalid(text, "is empty");
        }
        List<String> components = new ArrayList<>();
        int i = version.charAt(0) == 'v' || version.charAt(0) == 'V' ? 1 : 0;
        while (i < version.length()) {
            char c = version.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw invalid(text, "contains whitespace or a control character");
            }
            int end = i;
            if (NumericText.isDigit(c)) {
                end = NumericText.digitsEnd(version, i);
            } else {
                while (end < version.length() && isTextChar(version.charAt(end))) {
                    end++;
                }
            }
            if (end == i) {
                i++; // a separator; runs of them make no empty components, as in version_compare
                continue;
            }
            components.add(version.substring(i, end));
            i = end;
        }
        if (components.isEmpty()) {
            throw invalid(text, "has no version components");
        }
        return new PackagistVersion(List.copyOf(components));
    }

    /**
     * Letters and {@code #} build non-digit components. PHP itself turns {@code #} into a separator, but OSV
     * keeps it as the special form {@code #}, which ranks like a number.
     */
    private static boolean isTextChar(char c) {
        return NumericText.isLetter(c) || c == '#';
    }

    @Override
    public int compareTo(PackagistVersion other) {
        int shared = Math.min(components.size(), other.components.size());
        for (int i = 0; i < shared; i++) {
            int order = compareComponents(components.get(i), other.components.get(i));
            if (order != 0) {
                return order;
            }
        }
        if (components.size() > shared) {
            return compareTail(components.subList(shared, components.size()));
        }
        if (other.components.size() > shared) {
            return -compareTail(other.components.subList(shared, other.components.size()));
        }
        return 0;
    }

    private static int compareComponents(String a, String b) {
        boolean aNumber = NumericText.isDigit(a.charAt(0));
        boolean bNumber = NumericText.isDigit(b.charAt(0));
        if (aNumber && bNumber) {
            return NumericText.compare(a, b);
        }
        return Integer.compare(aNumber ? NUMBER : weight(a), bNumber ? NUMBER : weight(b));
    }

    /**
     * The extra components of the longer version against nothing: a number makes it newer; a special form
     * is measured against {@code #} (so {@code 1.0pl1} is newer than {@code 1.0}, {@code 1.0rc1} older).
     */
    private static int compareTail(List<String> tail) {
        for (String component : tail) {
            if (NumericText.isDigit(component.charAt(0))) {
                return 1;
            }
            int order = Integer.compare(weight(component), NUMBER);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * version_compare's special forms, matched case-sensitively by prefix: {@code dev} < {@code alpha}/{@code a}
     * < {@code beta}/{@code b} < {@code RC}/{@code rc} < {@code #} < {@code pl}/{@code p}; anything else
     * ({@code stable}, {@code BETA}) ranks below {@code dev}.
     */
    private static int weight(String form) {
        if (form.startsWith("dev")) {
            return 0;
        }
        if (form.startsWith("RC") || form.startsWith("rc")) {
            return 3;
        }
        return switch (form.charAt(0)) {
            case 'a' -> 1;
            case 'b' -> 2;
            case '#' -> NUMBER;
            case 'p' -> 5;
            default -> -1;
        };
    }

    private static InvalidVersionException invalid(String text, String reason) {
        return new InvalidVersionException(PackagistVersionScheme.ID, text, reason);
    }
}
