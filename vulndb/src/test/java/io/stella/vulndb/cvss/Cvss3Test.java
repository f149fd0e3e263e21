package io.stella.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.vulndb.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cvss3Test {

    /**
     * Expected scores: the "CVSS v3.1 Examples" document published by FIRST (first.org/cvss/v3.1/examples),
     * which scores each example CVE, and NVD's published v3.1 base score where the CVE is named so.
     */
    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = ';', textBlock = """
            CVE-2021-44228 (NVD, Log4Shell); CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H; 10.0
            CVE-2014-6271 (FIRST v3.1 examples, Shellshock); CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 9.8
            CVE-2014-0160 (FIRST v3.1 examples, Heartbleed); CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N; 7.5
            CVE-2013-1937 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N; 6.1
            CVE-2013-0375 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N; 6.4
            CVE-2014-3566 (FIRST v3.1 examples, POODLE); CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N; 3.1
            CVE-2012-1516 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H; 9.9
            CVE-2012-0384 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H; 8.8
            CVE-2015-1098 (FIRST v3.1 examples); CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H; 7.8
            CVE-2008-1447 (FIRST v3.1 examples, DNS); CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N; 6.8
            CVE-2014-2005 (FIRST v3.1 examples); CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 6.8
            CVE-2010-0467 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N; 5.8
            CVE-2014-2019 (FIRST v3.1 examples); CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N; 4.6
            CVE-2014-0224 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N; 7.4
            CVE-2012-5376 (FIRST v3.1 examples); CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H; 9.6
            CVE-2014-0160 as v3.0 (FIRST v3.0 examples); CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N; 7.5
            CVE-2013-1937 as v3.0 (FIRST v3.0 examples); CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N; 6.1
            no impact; CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N; 0.0
            """)
    void scoresPublishedExamples(String source, String vector, double expected) {
        assertThat(Cvss.rate(vector)).hasValueSatisfying(rating -> {
            assertThat(rating.score()).isEqualTo(expected);
            assertThat(rating.severity()).isEqualTo(Severity.fromScore(expected));
            assertThat(rating.vector()).isEqualTo(vector);
        });
    }

    @Test
    void temporalAndEnvironmentalMetricsAreValidatedButDoNotChangeTheBaseScore() {
        assertThat(Cvss.rate("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:U/RL:O/RC:R/CR:L/MAV:P/MC:N"))
                .hasValueSatisfying(r -> assertThat(r.score()).isEqualTo(10.0));
        // metrics in another order than the specification's still parse
        assertThat(Cvss.rate("CVSS:3.1/S:C/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N"))
                .hasValueSatisfying(r -> assertThat(r.score()).isEqualTo(10.0));
    }

    /**
     * The library against the specification's formulas (CVSS v3.1 section 7.1 and Appendix A's Roundup;
     * v3.0 section 8.1 with its ceiling rounding) for every one of the 2,592 base vectors of each version.
     */
    @Test
    void libraryMatchesTheSpecificationFormulasForEveryBaseVector() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String version : List.of("3.0", "3.1")) {
            for (String av : List.of("N", "A", "L", "P")) {
                for (String ac : List.of("L", "H")) {
                    for (String pr : List.of("N", "L", "H")) {
                        for (String ui : List.of("N", "R")) {
                            for (String s : List.of("U", "C")) {
                                for (String c : List.of("H", "L", "N")) {
                                    for (String i : List.of("H", "L", "N")) {
                                        for (String a : List.of("H", "L", "N")) {
                                            String vector = "CVSS:" + version + "/AV:" + av + "/AC:" + ac + "/PR:" + pr
                                                    + "/UI:" + ui + "/S:" + s + "/C:" + c + "/I:" + i + "/A:" + a;
                                            double expected = SpecFormula.baseScore(version, av, ac, pr, ui, s, c, i, a);
                                            double actual = Cvss.rate(vector).orElseThrow().score();
                                            checked++;
                                            if (actual != expected) {
                                                mismatches.add(vector + " library " + actual + " spec " + expected);
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 2592);
        assertThat(mismatches).isEmpty();
    }

    /** The v3.x base score equations as the specification writes them, kept independent of the library. */
    private static final class SpecFormula {
        private static final Map<String, Double> AV = Map.of("N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        private static final Map<String, Double> AC = Map.of("L", 0.77, "H", 0.44);
        private static final Map<String, Double> UI = Map.of("N", 0.85, "R", 0.62);
        private static final Map<String, Double> CIA = Map.of("H", 0.56, "L", 0.22, "N", 0.0);

        static double baseScore(String version, String av, String ac, String pr, String ui, String s, String c,
                                String i, String a) {
            boolean changed = s.equals("C");
            double privileges = switch (pr) {
                case "N" -> 0.85;
                case "L" -> changed ? 0.68 : 0.62;
                default -> changed ? 0.5 : 0.27;
            };
            double iss = 1 - ((1 - CIA.get(c)) * (1 - CIA.get(i)) * (1 - CIA.get(a)));
            double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
            double exploitability = 8.22 * AV.get(av) * AC.get(ac) * privileges * UI.get(ui);
            if (impact <= 0) {
                return 0;
            }
            double sum = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
            return version.equals("3.1") ? roundup31(sum) : Math.ceil(sum * 10) / 10;
        }

        /** CVSS v3.1 Appendix A. */
        private static double roundup31(double input) {
            long intInput = Math.round(input * 100000);
            if (intInput % 10000 == 0) {
                return intInput / 100000.0;
            }
            return (Math.floor(intInput / 10000.0) + 1) / 10.0;
        }
    }
}
