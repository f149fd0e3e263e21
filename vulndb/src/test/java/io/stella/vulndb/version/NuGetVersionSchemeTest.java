package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NuGetVersionSchemeTest {
    private final NuGetVersionScheme scheme = new NuGetVersionScheme();

    @Test
    void everyRowOfNuGetVectorsHoldsBothWays() {
        Conformance.assertConforms("nuget.tsv", scheme::compare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|is not one to four dot-separated numbers",
            "1.2.3.4.5|more than four version numbers",
            "1.a|is not one to four dot-separated numbers",
            "1.0-|empty pre-release label",
            "1.0-beta..1|empty pre-release label",
            "1.0-beta_1|invalid character",
            "1.0+|empty build metadata"})
    void rejectsMalformedVersions(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void fourthNumberAndCaseInsensitiveLabels() throws InvalidVersionException {
        assertThat(scheme.compare("1.0.0.1", "1.0.0")).isPositive();
        assertThat(scheme.compare("1.0.0-RC.1", "1.0.0-rc.1+meta")).isZero();
    }
}
