package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DpkgVersionSchemeTest {
    private final DpkgVersionScheme scheme = new DpkgVersionScheme();

    @Test
    void everyRowOfDpkgVectorsHoldsBothWays() {
        Conformance.assertConforms("dpkg.tsv", scheme::compare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|version string is empty",
            "1.0 1|embedded spaces",
            "a:1.0|epoch in version is not a number",
            ":1.0|epoch in version is empty",
            "99999999999:1.0|epoch in version is too big",
            "1:|nothing after colon",
            "1.0-|revision number is empty",
            "-1|version number is empty",
            "abc|does not start with digit",
            "1:abc-1|does not start with digit"})
    void rejectsMalformedVersions(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void tildeSortsBeforeTheEndAndAbsentRevisionEqualsZero() throws InvalidVersionException {
        assertThat(scheme.compare("1.0~rc1", "1.0")).isNegative();
        assertThat(scheme.compare("1.0", "1.0-0")).isZero();
        assertThat(scheme.compare("1:0.1", "2.0")).isPositive();
    }
}
