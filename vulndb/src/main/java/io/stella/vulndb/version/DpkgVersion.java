package io.stella.vulndb.version;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, ordered as dpkg orders it.
 * An absent revision orders like an empty one, which dpkg treats as equal to {@code 0}.
 */
record DpkgVersion(long epoch, String upstream, String revision) implements Comparable<DpkgVersion> {

    static DpkgVersion parse(String text) throws InvalidVersionException {
        String version = text.strip();
        if (version.isEmpty()) {
            throw invalid(text, "version string is empty");
        }
        for (int i = 0; i < version.length(); i++) {
            if (Character.isWhitespace(version.charAt(i))) {
                throw invalid(text, "version string has embedded spaces");
            }
        }
        long epoch = 0;
        String rest = version;
        int colon = version.indexOf(':');
        if (colon >= 0) {
            String epochText = version.substring(0, colon);
            if (epochText.isEmpty()) {
                throw invalid(text, "epoch in version is empty");
            }
            if (!NumericText.isAllDigits(epochText)) {
                throw invalid(text, "epoch in version is not a number");
            }
            if (epochText.length() > 10 || (epoch = Long.parseLong(epochText)) > Integer.MAX_VALUE) {
                throw invalid(text, "epoch in version is too big");
            }
            rest = version.substring(colon + 1);
            if (rest.isEmpty()) {
                throw invalid(text, "nothing after colon in version number");
            }
        }
        int hyphen = rest.lastIndexOf('-');
        String upstream = hyphen < 0 ? rest : rest.substring(0, hyphen);
        String revision = hyphen < 0 ? "" : rest.substring(hyphen + 1);
        if (hyphen >= 0 && revision.isEmpty()) {
            throw invalid(text, "revision number is empty");
        }
        if (upstream.isEmpty()) {
            throw invalid(text, "version number is empty");
        }
        if (!NumericText.isDigit(upstream.charAt(0))) {
            throw invalid(text, "version number does not start with digit");
        }
        return new DpkgVersion(epoch, upstream, revision);
    }

    @Override
    public int compareTo(DpkgVersion other) {
        int order = Long.compare(epoch, other.epoch);
        if (order == 0) {
            order = compareFragment(upstream, other.upstream);
        }
        if (order == 0) {
            order = compareFragment(revision, other.revision);
        }
        return order;
    }

    /**
     * dpkg's verrevcmp: alternating non-digit and digit runs. In non-digit runs letters sort before
     * other characters and {@code ~} before everything, even the end of the string.
     */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !NumericText.isDigit(a.charAt(i)))
                    || (j < b.length() && !NumericText.isDigit(b.charAt(j)))) {
                int ac = weight(a, i);
                int bc = weight(b, j);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            int aEnd = NumericText.digitsEnd(a, Math.min(i, a.length()));
            int bEnd = NumericText.digitsEnd(b, Math.min(j, b.length()));
            int order = NumericText.compare(a, Math.min(i, a.length()), aEnd, b, Math.min(j, b.length()), bEnd);
            if (order != 0) {
                return order;
            }
            i = aEnd;
            j = bEnd;
        }
        return 0;
    }

    private static int weight(String s, int index) {
        if (index >= s.length()) {
            return 0;
        }
        char c = s.charAt(index);
        if (NumericText.isDigit(c)) {
            return 0;
        }
        if (NumericText.isLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static InvalidVersionException invalid(String version, String reason) {
        return new InvalidVersionException(DpkgVersionScheme.ID, version, reason);
    }
}
