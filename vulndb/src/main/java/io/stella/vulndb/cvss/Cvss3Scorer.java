package io.stella.vulndb.cvss;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import us.springett.cvss.Cvss;

/**
 * CVSS v3.0 and v3.1 base scores. The vector is validated here (the library's own parser accepts
 * duplicated and unknown metrics); the score comes from {@code us.springett:cvss-calculator}, which
 * implements the v3.0 rounding and the v3.1 Roundup function. Temporal and environmental metrics are
 * validated and then ignored: the result is the base score.
 */
final class Cvss3Scorer {
    private static final List<String> BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("AV", Set.of("N", "A", "L", "P")),
            Map.entry("AC", Set.of("L", "H")),
            Map.entry("PR", Set.of("N", "L", "H")),
            Map.entry("UI", Set.of("N", "R")),
            Map.entry("S", Set.of("U", "C")),
            Map.entry("C", Set.of("H", "L", "N")),
            Map.entry("I", Set.of("H", "L", "N")),
            Map.entry("A", Set.of("H", "L", "N")),
            Map.entry("E", Set.of("X", "U", "P", "F", "H")),
            Map.entry("RL", Set.of("X", "O", "T", "W", "U")),
            Map.entry("RC", Set.of("X", "U", "R", "C")),
            Map.entry("CR", Set.of("X", "L", "M", "H")),
            Map.entry("IR", Set.of("X", "L", "M", "H")),
            Map.entry("AR", Set.of("X", "L", "M", "H")),
            Map.entry("MAV", Set.of("X", "N", "A", "L", "P")),
            Map.entry("MAC", Set.of("X", "L", "H")),
            Map.entry("MPR", Set.of("X", "N", "L", "H")),
            Map.entry("MUI", Set.of("X", "N", "R")),
            Map.entry("MS", Set.of("X", "U", "C")),
            Map.entry("MC", Set.of("X", "N", "L", "H")),
            Map.entry("MI", Set.of("X", "N", "L", "H")),
            Map.entry("MA", Set.of("X", "N", "L", "H")));

    static final MetricDefinitions V3_0 = new MetricDefinitions("CVSS:3.0", ALLOWED, BASE);
    static final MetricDefinitions V3_1 = new MetricDefinitions("CVSS:3.1", ALLOWED, BASE);

    private Cvss3Scorer() {
    }

    static double baseScore(String vector, MetricDefinitions version) throws InvalidCvssVectorException {
        Map<String, String> metrics = CvssVectorParser.parse(vector, version);
        String baseOnly = version.prefix() + "/" + BASE.stream()
                .map(metric -> metric + ":" + metrics.get(metric))
                .collect(Collectors.joining("/"));
        return Cvss.fromVector(baseOnly).calculateScore().getBaseScore();
    }
}
