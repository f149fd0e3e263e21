package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverVersionSchemeTest {
    private final SemverVersionScheme scheme = new SemverVersionScheme();

    @Test
    void everyRowOfSemverVectorsHoldsBothWays() {
        Conformance.assertConforms("semver.tsv", scheme::compare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "1.2|expected major.minor.patch",
            "v1.2.3|expected a number",
            "01.2.3|leading zeros",
            "1.2.3-01|leading zero",
            "1.2.3-|empty pre-release identifier",
            "1.2.3-a..b|empty pre-release identifier",
            "1.2.3+|empty build metadata identifier",
            "1.2.3_4|unexpected '_'",
            "1.2.3-a$|invalid character"})
    void rejectsVersionsOutsideSemVer(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void buildMetadataIsIgnoredAndNumbersHaveNoSizeLimit() throws InvalidVersionException {
        assertThat(scheme.compare("1.0.0+build.1", "1.0.0+build.2")).isZero();
        assertThat(scheme.compare("99999999999999999999.0.0", "99999999999999999998.9.9")).isPositive();
    }
}
