package io.stella.vulndb.version;

/**
 * Compares runs of ASCII digits as numbers of any size: leading zeros are ignored, then the longer run is
 * larger, then the first differing digit decides. Version schemes use it so that components beyond
 * {@code long} (real versions have 30-digit components) never overflow.
 */
final class NumericText {
    private NumericText() {
    }

    /** Compares the digit runs {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)}. */
    static int compare(CharSequence a, int aFrom, int aTo, CharSequence b, int bFrom, int bTo) {
        while (aFrom < aTo && a.charAt(aFrom) == '0') {
            aFrom++;
        }
        while (bFrom < bTo && b.charAt(bFrom) == '0') {
            bFrom++;
        }
        int lengthOrder = Integer.compare(aTo - aFrom, bTo - bFrom);
        if (lengthOrder != 0) {
            return lengthOrder;
        }
        for (; aFrom < aTo; aFrom++, bFrom++) {
            int digitOrder = Character.compare(a.charAt(aFrom), b.charAt(bFrom));
            if (digitOrder != 0) {
                return digitOrder;
            }
        }
        return 0;
    }

    /** Compares two strings that hold only ASCII digits. */
    static int compare(String a, String b) {
        return compare(a, 0, a.length(), b, 0, b.length());
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAllDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The end of the digit run starting at {@code from}. */
    static int digitsEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
