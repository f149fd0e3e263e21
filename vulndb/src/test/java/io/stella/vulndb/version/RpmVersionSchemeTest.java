package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RpmVersionSchemeTest {
    private final RpmVersionScheme scheme = new RpmVersionScheme();

    @Test
    void everyRowOfRawRpmvercmpVectorsHoldsBothWays() {
        Conformance.assertConforms("rpm.tsv", (a, b) -> RpmVersionScheme.compareSegments(a, b));
    }

    @Test
    void everyRowOfEvrVectorsHoldsBothWays() {
        Conformance.assertConforms("rpm-evr.tsv", scheme::compare);
    }

    @Test
    void rejectsEmptyVersions() {
        InvalidVersions.assertRejected(scheme, "", "empty");
        InvalidVersions.assertRejected(scheme, "  ", "empty");
    }

    @Test
    void epochDecidesBeforeVersionAndMissingReleaseSortsFirst() throws InvalidVersionException {
        assertThat(scheme.compare("1:1.0-1.el9", "2.0-1.el9")).isPositive();
        assertThat(scheme.compare("0:1.1.1k-4.el8", "1:1.1.1k-5.el8_5")).isNegative();
        assertThat(scheme.compare("1.0", "1.0-1")).isNegative();
        assertThat(RpmVersionScheme.compareSegments("1.0^git1", "1.0")).isPositive();
        assertThat(RpmVersionScheme.compareSegments("1.0~rc1", "1.0")).isNegative();
    }

    @Test
    void ecosystemsUseOsvNames() {
        assertThat(scheme.ecosystems()).contains("AlmaLinux", "Rocky Linux", "Red Hat", "SUSE", "openSUSE",
                "Mariner", "Azure Linux");
    }
}
