package io.stella.scan.filter;

/** What a VEX statement says of a vulnerability in a product, in OpenVEX words. */
public enum VexStatus {
    NOT_AFFECTED, FIXED, UNDER_INVESTIGATION, AFFECTED;

    /** Only "not affected" and "fixed" take a finding out of the result. */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == FIXED;
    }
}
