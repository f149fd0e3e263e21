package io.stella.vulndb.version;

/**
 * rpm's segment comparison ({@code rpmvercmp}) of one version or release string, without any
 * epoch/version/release splitting. Segments are maximal runs of ASCII digits or ASCII letters; anything
 * else separates them. Numeric segments beat alphabetic ones, {@code ~} sorts before everything (even the
 * end of the string) and {@code ^} sorts after the end of the string but before any other segment.
 */
public final class RpmVerCmp {
    private RpmVerCmp() {
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            i = skipSeparators(a, i);
            j = skipSeparators(b, j);
            char ac = charAt(a, i);
            char bc = charAt(b, j);

            if (ac == '~' || bc == '~') {
                if (ac != '~') {
                    return 1;
                }
                if (bc != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ac == '^' || bc == '^') {
                if (i >= a.length()) {
                    return -1;
                }
                if (j >= b.length()) {
                    return 1;
                }
                if (ac != '^') {
                    return 1;
                }
                if (bc != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= a.length() || j >= b.length()) {
                break;
            }

            boolean numeric = NumericText.isDigit(ac);
            int aEnd = numeric ? NumericText.digitsEnd(a, i) : lettersEnd(a, i);
            int bEnd = numeric ? NumericText.digitsEnd(b, j) : lettersEnd(b, j);
            if (bEnd == j) {
                // one segment numeric, the other alphabetic: the numeric one is newer
                return numeric ? 1 : -1;
            }
            int order = numeric
                    ? NumericText.compare(a, i, aEnd, b, j, bEnd)
                    : compareText(a, i, aEnd, b, j, bEnd);
            if (order != 0) {
                return order < 0 ? -1 : 1;
            }
            i = aEnd;
            j = bEnd;
        }
        if (i >= a.length() && j >= b.length()) {
            return 0;
        }
        return i >= a.length() ? -1 : 1;
    }

    private static int skipSeparators(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (NumericText.isDigit(c) || NumericText.isLetter(c) || c == '~' || c == '^') {
                break;
            }
            i++;
        }
        return i;
    }

    private static int lettersEnd(String s, int from) {
        int i = from;
        while (i < s.length() && NumericText.isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int compareText(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        return CharSequence.compare(a.subSequence(aFrom, aTo), b.subSequence(bFrom, bTo));
    }

    private static char charAt(String s, int index) {
        return index < s.length() ? s.charAt(index) : '\0';
    }
}
