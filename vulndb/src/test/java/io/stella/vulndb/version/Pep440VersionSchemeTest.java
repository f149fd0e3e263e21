package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep440VersionSchemeTest {
    private final Pep440VersionScheme scheme = new Pep440VersionScheme();

    @Test
    void everyRowOfPep440VectorsHoldsBothWays() {
        Conformance.assertConforms("pep440.tsv", scheme::compare);
    }

    /** Legacy (pre-PEP 440) versions are rejected, so no legacy row can be ordered. */
    @Test
    void everyLegacyRowHasAVersionOutsidePep440() {
        List<VectorRow> rows = VectorFiles.comparisons("pep440-legacy.tsv");
        List<String> orderable = rows.stream()
                .filter(r -> scheme.isValid(r.a()) && scheme.isValid(r.b()))
                .map(VectorRow::key)
                .toList();
        assertThat(rows).hasSize(72);
        assertThat(orderable).as("legacy rows with two PEP 440 versions").isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|not a PEP 440 version",
            "1.0-bulbasaur|not a PEP 440 version",
            "french toast|not a PEP 440 version",
            "1.0+|not a PEP 440 version",
            "1!|not a PEP 440 version",
            "1.0.dev1.post1|not a PEP 440 version"})
    void rejectsLegacyAndMalformedVersions(String version, String reason) {
        InvalidVersions.assertRejected(scheme, version, reason);
    }

    @Test
    void normalisesSpellings() throws InvalidVersionException {
        assertThat(Pep440Version.parse(" V1.0-ALPHA.1_post-2.DEV3+Ubuntu-1 ")).hasToString("1.0a1.post2.dev3+ubuntu.1");
        assertThat(scheme.compare("1.0-1", "1.0.post1")).isZero();
        assertThat(Pep440Version.parse("01.002rc03")).hasToString("1.2rc3");
        assertThat(scheme.compare("1!0.1", "2.0")).isPositive();
        assertThat(scheme.compare("1.0.dev1", "1.0a1")).isNegative();
    }
}
