package io.stella.scan.store;

/** Finding counts by severity. */
public record SeverityCounts(int critical, int high, int medium, int low, int unknown) {
    public static final SeverityCounts ZERO = new SeverityCounts(0, 0, 0, 0, 0);

    public SeverityCounts {
        if (critical < 0 || high < 0 || medium < 0 || low < 0 || unknown < 0) {
            throw new IllegalArgumentException("negative finding count: " + critical + "/" + high + "/" + medium
                    + "/" + low + "/" + unknown);
        }
    }

    public int total() {
        return critical + high + medium + low + unknown;
    }
}
