package io.stella.vulndb.cvss;

import java.util.Map;

/** The specification's severity level of each metric value (0.0 is the most severe), for severity distances. */
final class Cvss4SeverityLevels {
    private static final Map<String, Double> IMPACT = Map.of("H", 0.0, "L", 0.1, "N", 0.2);
    private static final Map<String, Double> SUBSEQUENT = Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3);
    private static final Map<String, Double> REQUIREMENT = Map.of("H", 0.0, "M", 0.1, "L", 0.2);
    private static final Map<String, Map<String, Double>> LEVELS = Map.ofEntries(
            Map.entry("AV", Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3)),
            Map.entry("PR", Map.of("N", 0.0, "L", 0.1, "H", 0.2)),
            Map.entry("UI", Map.of("N", 0.0, "P", 0.1, "A", 0.2)),
            Map.entry("AC", Map.of("L", 0.0, "H", 0.1)),
            Map.entry("AT", Map.of("N", 0.0, "P", 0.1)),
            Map.entry("VC", IMPACT),
            Map.entry("VI", IMPACT),
            Map.entry("VA", IMPACT),
            Map.entry("SC", Map.of("H", 0.1, "L", 0.2, "N", 0.3)),
            Map.entry("SI", SUBSEQUENT),
            Map.entry("SA", SUBSEQUENT),
            Map.entry("CR", REQUIREMENT),
            Map.entry("IR", REQUIREMENT),
            Map.entry("AR", REQUIREMENT));

    private Cvss4SeverityLevels() {
    }

    /** How much less severe {@code value} is than {@code highest} for this metric (negative when more severe). */
    static double distance(String metric, String value, String highest) {
        Map<String, Double> levels = LEVELS.get(metric);
        return levels.get(value) - levels.get(highest);
    }
}
