package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackagistVersionSchemeTest {
    private final PackagistVersionScheme scheme = new PackagistVersionScheme();

    @Test
    void everyRowOfPackagistVectorsHoldsBothWays() {
        Conformance.assertConforms("packagist.tsv", scheme::compare);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|is empty",
            "'   '|is empty",
            "v|has no version components",
            "-.+|has no version components",
            "1.0 beta|contains whitespace"})
    void rejectsMalformedVersions(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void specialFormsRankAroundTheRelease() throws InvalidVersionException {
        assertThat(scheme.compare("1.0-dev", "1.0alpha1")).isNegative();
        assertThat(scheme.compare("1.0a1", "1.0-beta1")).isNegative();
        assertThat(scheme.compare("1.0b2", "1.0RC1")).isNegative();
        assertThat(scheme.compare("1.0-rc1", "1.0")).isNegative();
        assertThat(scheme.compare("1.0", "1.0-pl1")).isNegative();
        assertThat(scheme.compare("1.0-RC1", "1.0rc1")).isZero();
    }

    @Test
    void canonicalisationIgnoresPrefixAndSeparators() throws InvalidVersionException {
        assertThat(scheme.compare("v1.2.3", "1.2.3")).isZero();
        assertThat(scheme.compare("1.2.3-beta_1", "1.2.3beta1")).isZero();
        assertThat(scheme.compare("1.2.3+build", "1.2.3.build")).isZero();
        assertThat(scheme.compare("1.0", "1.0.0")).isNegative();
    }

    @Test
    void unknownFormsRankBelowDevAndNumbersHaveNoSizeLimit() throws InvalidVersionException {
        assertThat(scheme.compare("1.0-stable", "1.0-dev")).isNegative();
        assertThat(scheme.compare("1.0-BETA", "1.0-dev")).isNegative();
        assertThat(scheme.compare("99999999999999999999999", "99999999999999999999998")).isPositive();
    }
}
