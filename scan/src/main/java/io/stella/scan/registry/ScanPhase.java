package io.stella.scan.registry;

/** The phases of a registry scan, named as the log lines name them. */
public enum ScanPhase {
    DISCOVERY("discovery"),
    METADATA("metadata"),
    SCAN("scan"),
    REPORT_BUILDER("report-builder");

    private final String id;

    ScanPhase(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
