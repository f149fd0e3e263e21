package io.stella.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.vulndb.model.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Cvss4Test {
    private static final String FIRST_EXAMPLES = "FIRST CVSS v4.0 Examples document";
    /** Expectations generated with FIRST's calculator, as pablotron/polycvss src/v4/tests.rs records them. */
    private static final String POLYCVSS = "pablotron/polycvss src/v4/tests.rs";
    private static final String FIRST_CALCULATOR = "FIRST CVSS v4.0 calculator (first.org/cvss/calculator/4.0)";

    static Stream<Arguments> referenceScores() {
        return Stream.of(
                // base metrics only (CVSS-B)
                Arguments.of(FIRST_CALCULATOR, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0),
                Arguments.of(FIRST_CALCULATOR, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N", 6.9),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", 8.5),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N", 8.8),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N", 7.0),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:L/SI:H/SA:H", 5.9),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:H/SA:H", 7.2),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H", 6.0),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H", 9.1),
                Arguments.of(FIRST_EXAMPLES + ", CVE-2022-41741",
                        "CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 7.3),
                Arguments.of(FIRST_EXAMPLES + ", CVE-2020-3549",
                        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 7.7),
                Arguments.of(FIRST_EXAMPLES + ", CVE-2023-3089",
                        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N", 8.3),
                Arguments.of(FIRST_EXAMPLES + ", CVE-2021-44714",
                        "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", 4.6),
                // threat metric applied (CVSS-BT)
                Arguments.of(FIRST_EXAMPLES + ", CVE-2020-3549 with E:U",
                        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 5.2),
                // environmental metrics applied (CVSS-BE / BTE)
                Arguments.of(FIRST_EXAMPLES + ", CVE-2023-3089 with environmental metrics",
                        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/CR:H/IR:L/AR:L/MAV:N/MAC:H"
                                + "/MVC:H/MVI:L/MVA:L", 8.1),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:H/SA:H/MSC:H/MSI:S"
                        + "/MSA:S", 6.4),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:L/VI:N/VA:L/SC:H/SI:L/SA:H/E:X/CR:X/IR:M"
                        + "/AR:L/MAV:N/MAC:X/MAT:X/MPR:H/MUI:X/MVC:L/MVI:L/MVA:N/MSC:H/MSI:N/MSA:H", 4.5),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:N/VC:L/VI:L/VA:L/SC:L/SI:H/SA:L/E:P/CR:H/IR:L"
                        + "/AR:L/MAV:P/MAC:L/MAT:X/MPR:L/MUI:P/MVC:H/MVI:L/MVA:H/MSC:H/MSI:N/MSA:X", 3.7),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:P/VC:N/VI:L/VA:L/SC:N/SI:N/SA:N/E:U/CR:M/IR:X"
                        + "/AR:X/MAV:L/MAC:H/MAT:N/MPR:X/MUI:X/MVC:L/MVI:H/MVA:L/MSC:L/MSI:H/MSA:L", 1.6),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:N/SA:L/E:X/CR:X/IR:M"
                        + "/AR:X/MAV:N/MAC:X/MAT:X/MPR:N/MUI:A/MVC:X/MVI:H/MVA:H/MSC:H/MSI:X/MSA:H", 8.4),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:P/VC:H/VI:H/VA:H/SC:H/SI:L/SA:L/E:U/CR:X/IR:X"
                        + "/AR:L/MAV:A/MAC:L/MAT:X/MPR:H/MUI:A/MVC:H/MVI:L/MVA:H/MSC:H/MSI:S/MSA:H", 6.0),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:H/AT:P/PR:L/UI:A/VC:N/VI:N/VA:L/SC:N/SI:N/SA:L/E:U/CR:M/IR:H"
                        + "/AR:M/MAV:N/MAC:H/MAT:N/MPR:N/MUI:X/MVC:N/MVI:X/MVA:X/MSC:N/MSI:N/MSA:L", 0.5),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:P/VC:H/VI:L/VA:H/SC:N/SI:L/SA:H/E:A/CR:L/IR:M"
                        + "/AR:X/MAV:X/MAC:H/MAT:N/MPR:X/MUI:X/MVC:N/MVI:X/MVA:L/MSC:N/MSI:H/MSA:X", 2.1),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:A/VC:H/VI:H/VA:H/SC:L/SI:L/SA:H/E:U/CR:H/IR:M"
                        + "/AR:X/MAV:X/MAC:L/MAT:X/MPR:L/MUI:N/MVC:H/MVI:H/MVA:X/MSC:N/MSI:S/MSA:S", 8.9),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:A/AC:H/AT:N/PR:N/UI:P/VC:N/VI:H/VA:N/SC:L/SI:N/SA:L/E:X/CR:M/IR:L"
                        + "/AR:X/MAV:N/MAC:X/MAT:N/MPR:X/MUI:N/MVC:L/MVI:X/MVA:X/MSC:X/MSI:S/MSA:H", 9.1),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:P/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:N/SC:L/SI:L/SA:N/E:P/CR:H/IR:L"
                        + "/AR:M/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:X/MVI:L/MVA:L/MSC:L/MSI:S/MSA:X", 9.4),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:N/VC:L/VI:L/VA:L/SC:N/SI:L/SA:L/E:X/CR:H/IR:H"
                        + "/AR:X/MAV:X/MAC:X/MAT:N/MPR:X/MUI:A/MVC:L/MVI:N/MVA:L/MSC:H/MSI:H/MSA:X", 2.3),
                Arguments.of(POLYCVSS, "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:H/SA:L/E:X/CR:X/IR:M"
                        + "/AR:L/MAV:A/MAC:L/MAT:X/MPR:N/MUI:N/MVC:H/MVI:X/MVA:X/MSC:H/MSI:L/MSA:L", 7.0));
    }

    @ParameterizedTest(name = "{1} = {2} ({0})")
    @MethodSource("referenceScores")
    void scoresReferenceVectors(String source, String vector, double expected) {
        assertThat(Cvss.rate(vector)).hasValueSatisfying(rating -> {
            assertThat(rating.score()).isEqualTo(expected);
            assertThat(rating.severity()).isEqualTo(Severity.fromScore(expected));
        });
    }

    @Test
    void referenceSetCoversEverySeverity() {
        assertThat(referenceScores().map(a -> Severity.fromScore((double) a.get()[2])).distinct())
                .contains(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NONE);
    }

    @Test
    void lookupTableHasEveryMacroVector() {
        // EQ1 3 x EQ2 2 x (EQ3,EQ6) 5 pairs x EQ4 3 x EQ5 3
        assertThat(Cvss4ScoreTable.size()).isEqualTo(270);
    }

    @Test
    void macroVectorOfReferenceExample() {
        // pablotron/polycvss src/v4/tests.rs, MacroVector test: 112101
        assertThat(MacroVector.of(parse("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:N/VC:L/VI:N/VA:N/SC:N/SI:H/SA:N/CR:M"
                + "/IR:L/MAC:H/MAT:P/S:N/AU:N/R:U/RE:L/U:Clear")).code()).isEqualTo("112101");
    }

    @Test
    void supplementalMetricsParseAndDoNotChangeTheScore() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N";
        double baseScore = Cvss.rate(base).orElseThrow().score();
        assertThat(Cvss.rate(base + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red"))
                .hasValueSatisfying(r -> assertThat(r.score()).isEqualTo(baseScore));
    }

    private static Cvss4Vector parse(String vector) {
        try {
            return Cvss4Vector.parse(vector);
        } catch (InvalidCvssVectorException e) {
            throw new AssertionError(e);
        }
    }
}
