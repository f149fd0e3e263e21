package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmVersionSchemeTest {
    private final NpmVersionScheme scheme = new NpmVersionScheme();

    @Test
    void everyRowOfNodeLooseVectorsHoldsBothWays() {
        Conformance.assertConforms("semver-node-loose.tsv", scheme::compare);
    }

    @Test
    void everyRowOfStrictSemverVectorsHoldsBothWays() {
        Conformance.assertConforms("semver.tsv", scheme::compare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "v|empty",
            "1.2|expected major.minor.patch",
            "x.2.3|expected a number",
            "1.2.3-a..b|empty pre-release identifier"})
    void rejectsWhatNodeSemverCannotParse(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void acceptsLooseSpellings() throws InvalidVersionException {
        assertThat(scheme.compare(" =v1.2.3 ", "1.2.3")).isZero();
        assertThat(scheme.compare("1.2.3beta", "1.2.3-beta")).isZero();
        assertThat(scheme.compare("1.2.3-beta", "1.2.3")).isNegative();
    }
}
