package io.stella.vulndb.version;

/**
 * Walks an Alpine version {@code digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}} token by
 * token, the way apk-tools does when it compares. Malformed input is not rejected up front: the walk
 * stops at an {@link Type#INVALID} token, which sorts after every well-formed continuation, as in
 * current apk-tools.
 */
final class ApkVersionTokens {
    /** Token types in the order apk-tools gives them; a later type ends a version "sooner". */
    enum Type { DIGIT_OR_ZERO, DIGIT, LETTER, SUFFIX, SUFFIX_NO, COMMIT_HASH, REVISION_NO, END, INVALID }

    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};

    private final String text;
    private int position;
    private Type type = Type.DIGIT;
    /** Value of the last token read: a number, a letter, a suffix rank (negative for pre-release). */
    private long value;
    /** Start and end of the last token that compares as text (a number after a dot, a commit hash). */
    private int textStart;
    private int textEnd;
    /** Where the malformed rest starts once the walk is {@link Type#INVALID}. */
    private int invalidFrom;

    ApkVersionTokens(String text) {
        this.text = text;
    }

    Type type() {
        return type;
    }

    long value() {
        return value;
    }

    boolean atEndOrInvalid() {
        return type == Type.END || type == Type.INVALID;
    }

    /** Reads the token of the current type and moves to the next type. */
    void next() {
        value = 0;
        if (position >= text.length()) {
            type = Type.END;
            return;
        }
        int i = position;
        switch (type) {
            case DIGIT_OR_ZERO -> {
                i = readNumber(i);
                textStart = position;
                textEnd = i;
            }
            case DIGIT, SUFFIX_NO, REVISION_NO -> i = readNumber(i);
            case LETTER -> value = text.charAt(i++);
            case SUFFIX -> {
                int rank = suffixRank(i);
                if (rank == Integer.MIN_VALUE) {
                    type = Type.INVALID;
                    invalidFrom = i;
                    return;
                }
                value = rank;
                i += suffixLength(rank);
            }
            case COMMIT_HASH -> {
                textStart = i;
                while (i < text.length() && isHexDigit(text.charAt(i))) {
                    i++;
                }
                textEnd = i;
            }
            default -> {
                type = Type.INVALID;
                invalidFrom = i;
                return;
            }
        }
        position = i;
        if (position >= text.length()) {
            type = Type.END;
        } else {
            advanceType();
        }
    }

    /**
     * Compares the tokens just read by two walks that read the same type: commit hashes as text, numbers
     * after a dot as text when either has a leading zero ({@code 1.01 < 1.1}, {@code 1.0 < 1.001}, as
     * Gentoo's rules say), every other token by value.
     */
    int compareToken(Type read, ApkVersionTokens other) {
        boolean asText = read == Type.COMMIT_HASH
                || (read == Type.DIGIT_OR_ZERO && (text.charAt(textStart) == '0'
                || other.text.charAt(other.textStart) == '0'));
        if (asText) {
            return CharSequence.compare(text.subSequence(textStart, textEnd),
                    other.text.subSequence(other.textStart, other.textEnd));
        }
        return Long.compare(value, other.value);
    }

    /** True when the current token is a pre-release suffix (_alpha, _beta, _pre, _rc). */
    boolean atPreReleaseSuffix() {
        return type == Type.SUFFIX && suffixRank(position) < 0 && suffixRank(position) != Integer.MIN_VALUE;
    }

    private void advanceType() {
        int separator = position;
        char c = text.charAt(position);
        Type next = Type.INVALID;
        if ((type == Type.DIGIT || type == Type.DIGIT_OR_ZERO) && c >= 'a' && c <= 'z') {
            next = Type.LETTER;
        } else if (type == Type.LETTER && NumericText.isDigit(c)) {
            next = Type.DIGIT;
        } else if (type == Type.SUFFIX && NumericText.isDigit(c)) {
            next = Type.SUFFIX_NO;
        } else {
            switch (c) {
                case '.' -> next = followedByDigit(position) ? Type.DIGIT_OR_ZERO : Type.INVALID;
                case '_' -> next = suffixRank(position + 1) != Integer.MIN_VALUE ? Type.SUFFIX : Type.INVALID;
                case '~' -> next = followedByHexDigit(position) ? Type.COMMIT_HASH : Type.INVALID;
                case '-' -> {
                    if (isRevisionStart(position)) {
                        next = Type.REVISION_NO;
                        position++;
                    }
                }
                default -> next = Type.INVALID;
            }
            position++;
        }
        if (next.ordinal() < type.ordinal()
                && !(next == Type.DIGIT_OR_ZERO && type == Type.DIGIT)
                && !(next == Type.SUFFIX && type == Type.SUFFIX_NO)
                && !(next == Type.DIGIT && type == Type.LETTER)) {
            next = Type.INVALID;
        }
        type = next;
        if (next == Type.INVALID) {
            invalidFrom = separator;
        }
    }

    /**
     * Two walks that both stopped at malformed input compare the unparsable rest as text, except that a
     * stray hyphen ends what apk compares ({@code 1-ruff2 = 1--ruff1}).
     */
    int compareInvalidRest(ApkVersionTokens other) {
        if (startsWithHyphen(text, invalidFrom) || startsWithHyphen(other.text, other.invalidFrom)) {
            return 0;
        }
        return Integer.signum(CharSequence.compare(text.subSequence(invalidFrom, text.length()),
                other.text.subSequence(other.invalidFrom, other.text.length())));
    }

    private static boolean startsWithHyphen(String s, int index) {
        return index < s.length() && s.charAt(index) == '-';
    }

    private boolean followedByDigit(int separator) {
        return separator + 1 < text.length() && NumericText.isDigit(text.charAt(separator + 1));
    }

    private boolean followedByHexDigit(int separator) {
        return separator + 1 < text.length() && isHexDigit(text.charAt(separator + 1));
    }

    /** {@code -r} followed by digits, by the end or by another hyphen (an empty revision is 0). */
    private boolean isRevisionStart(int hyphen) {
        if (hyphen + 1 >= text.length() || text.charAt(hyphen + 1) != 'r') {
            return false;
        }
        return hyphen + 2 >= text.length() || NumericText.isDigit(text.charAt(hyphen + 2))
                || text.charAt(hyphen + 2) == '-';
    }

    private int readNumber(int from) {
        int i = from;
        long number = 0;
        while (i < text.length() && NumericText.isDigit(text.charAt(i))) {
            // saturate instead of overflowing on absurdly long numbers
            number = number > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : number * 10 + (text.charAt(i) - '0');
            i++;
        }
        value = number;
        return i;
    }

    /** Rank of the suffix at {@code from}: -4..-1 for pre-release suffixes, 0..4 for post-release ones. */
    private int suffixRank(int from) {
        for (int r = 0; r < PRE_SUFFIXES.length; r++) {
            if (text.startsWith(PRE_SUFFIXES[r], from)) {
                return r - PRE_SUFFIXES.length;
            }
        }
        for (int r = 0; r < POST_SUFFIXES.length; r++) {
            if (text.startsWith(POST_SUFFIXES[r], from)) {
                return r;
            }
        }
        return Integer.MIN_VALUE;
    }

    private static int suffixLength(int rank) {
        return rank < 0 ? PRE_SUFFIXES[rank + PRE_SUFFIXES.length].length() : POST_SUFFIXES[rank].length();
    }

    private static boolean isHexDigit(char c) {
        return NumericText.isDigit(c) || (c >= 'a' && c <= 'f');
    }
}
