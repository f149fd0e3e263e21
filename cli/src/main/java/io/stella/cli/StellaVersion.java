package io.stella.cli;

/** The version stella reports (--version, SBOM tool metadata). */
public final class StellaVersion {
    public static final String VERSION = "0.1.0";

    private StellaVersion() {}
}
