package io.stella.vulndb.version;

/**
 * An rpm {@code [epoch:]version[-release]} as rpm splits it: the epoch is the leading digits when a colon
 * follows them (an empty epoch before the colon means 0), the release is what follows the last hyphen.
 * {@code epoch} and {@code release} are null when absent.
 */
record RpmEvr(String epoch, String version, String release) implements Comparable<RpmEvr> {

    static RpmEvr parse(String text) throws InvalidVersionException {
        String evr = text.strip();
        if (evr.isEmpty()) {
            throw new InvalidVersionException(RpmVersionScheme.ID, text, "version string is empty");
        }
        int digitsEnd = NumericText.digitsEnd(evr, 0);
        String epoch = null;
        int versionStart = 0;
        if (digitsEnd < evr.length() && evr.charAt(digitsEnd) == ':') {
            epoch = digitsEnd == 0 ? "0" : evr.substring(0, digitsEnd);
            versionStart = digitsEnd + 1;
        }
        int hyphen = evr.lastIndexOf('-');
        if (hyphen < digitsEnd) {
            hyphen = -1;
        }
        String version = hyphen < 0 ? evr.substring(versionStart) : evr.substring(versionStart, hyphen);
        String release = hyphen < 0 ? null : evr.substring(hyphen + 1);
        return new RpmEvr(epoch, version, release);
    }

    @Override
    public int compareTo(RpmEvr other) {
        int order = RpmVerCmp.compare(epoch == null ? "0" : epoch, other.epoch == null ? "0" : other.epoch);
        if (order == 0) {
            order = RpmVerCmp.compare(version, other.version);
        }
        if (order == 0) {
            if (release != null && other.release != null) {
                order = RpmVerCmp.compare(release, other.release);
            } else if (release != null || other.release != null) {
                // a version without release sorts before the same version with any release
                order = release == null ? -1 : 1;
            }
        }
        return order;
    }
}
