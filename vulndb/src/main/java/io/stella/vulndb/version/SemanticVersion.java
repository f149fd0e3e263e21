package io.stella.vulndb.version;

import java.util.List;

/**
 * A semantic version's ordering parts: major, minor and patch as digit strings (any size), and the
 * pre-release identifiers. Build metadata plays no part in ordering and is not kept.
 */
record SemanticVersion(String major, String minor, String patch, List<String> preRelease)
        implements Comparable<SemanticVersion> {

    @Override
    public int compareTo(SemanticVersion other) {
        int order = NumericText.compare(major, other.major);
        if (order == 0) {
            order = NumericText.compare(minor, other.minor);
        }
        if (order == 0) {
            order = NumericText.compare(patch, other.patch);
        }
        return order != 0 ? order : comparePreRelease(preRelease, other.preRelease);
    }

    /** A release is newer than any of its pre-releases; identifiers compare one by one. */
    static int comparePreRelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = compareIdentifier(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Numeric identifiers compare as numbers and sort before alphanumeric ones, which compare as ASCII. */
    static int compareIdentifier(String a, String b) {
        boolean aNumeric = NumericText.isAllDigits(a);
        boolean bNumeric = NumericText.isAllDigits(b);
        if (aNumeric && bNumeric) {
            return NumericText.compare(a, b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }
}
