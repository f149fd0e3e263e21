package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RubyGemsVersionSchemeTest {
    private final RubyGemsVersionScheme scheme = new RubyGemsVersionScheme();

    @Test
    void everyRowOfRubyGemsVectorsHoldsBothWays() {
        Conformance.assertConforms("rubygems.tsv", scheme::compare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "junk|must start with a digit",
            "1.0..1|unexpected '.'",
            "1.0.|unexpected '.'",
            "1.0-|malformed part after '-'",
            "1.0 2|unexpected ' '"})
    void rejectsMalformedVersions(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void prereleasesSortBeforeTheirRelease() throws InvalidVersionException {
        assertThat(scheme.compare("1.0.0.pre1", "1.0.0")).isNegative();
        assertThat(scheme.compare("1.0-rc1", "1.0.pre.rc1")).isZero();
        assertThat(scheme.compare("1.0.0", "1")).isZero();
        assertThat(scheme.compare("", "0")).isZero();
    }
}
