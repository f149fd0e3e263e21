package io.stella.vulndb.cvss;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed CVSS v4.0 vector. {@link #effective} gives the value scoring uses: the environmental
 * {@code M}-metric where defined, Exploit Maturity {@code A} and security requirements {@code H} when
 * not defined (the specification's worst-case defaults).
 */
record Cvss4Vector(Map<String, String> metrics) {
    private static final Set<String> IMPACT = Set.of("H", "L", "N");
    private static final Set<String> MODIFIED_IMPACT = Set.of("X", "H", "L", "N");
    private static final Set<String> REQUIREMENT = Set.of("X", "H", "M", "L");

    static final MetricDefinitions DEFINITIONS = new MetricDefinitions("CVSS:4.0", Map.ofEntries(
            Map.entry("AV", Set.of("N", "A", "L", "P")),
            Map.entry("AC", Set.of("L", "H")),
            Map.entry("AT", Set.of("N", "P")),
            Map.entry("PR", Set.of("N", "L", "H")),
            Map.entry("UI", Set.of("N", "P", "A")),
            Map.entry("VC", IMPACT),
            Map.entry("VI", IMPACT),
            Map.entry("VA", IMPACT),
            Map.entry("SC", IMPACT),
            Map.entry("SI", IMPACT),
            Map.entry("SA", IMPACT),
            // threat
            Map.entry("E", Set.of("X", "A", "P", "U")),
            // environmental
            Map.entry("CR", REQUIREMENT),
            Map.entry("IR", REQUIREMENT),
            Map.entry("AR", REQUIREMENT),
            Map.entry("MAV", Set.of("X", "N", "A", "L", "P")),
            Map.entry("MAC", Set.of("X", "L", "H")),
            Map.entry("MAT", Set.of("X", "N", "P")),
            Map.entry("MPR", Set.of("X", "N", "L", "H")),
            Map.entry("MUI", Set.of("X", "N", "P", "A")),
            Map.entry("MVC", MODIFIED_IMPACT),
            Map.entry("MVI", MODIFIED_IMPACT),
            Map.entry("MVA", MODIFIED_IMPACT),
            Map.entry("MSC", MODIFIED_IMPACT),
            Map.entry("MSI", Set.of("X", "H", "L", "N", "S")),
            Map.entry("MSA", Set.of("X", "H", "L", "N", "S")),
            // supplemental: parsed and validated, no effect on the score
            Map.entry("S", Set.of("X", "N", "P")),
            Map.entry("AU", Set.of("X", "N", "Y")),
            Map.entry("R", Set.of("X", "A", "U", "I")),
            Map.entry("V", Set.of("X", "D", "C")),
            Map.entry("RE", Set.of("X", "L", "M", "H")),
            Map.entry("U", Set.of("X", "Clear", "Green", "Amber", "Red"))),
            List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"));

    Cvss4Vector {
        metrics = Map.copyOf(metrics);
    }

    static Cvss4Vector parse(String vector) throws InvalidCvssVectorException {
        return new Cvss4Vector(CvssVectorParser.parse(vector, DEFINITIONS));
    }

    /** The value as written, {@code X} when absent. */
    String written(String metric) {
        return metrics.getOrDefault(metric, "X");
    }

    String effective(String metric) {
        String value = written(metric);
        switch (metric) {
            case "E" -> {
                return value.equals("X") ? "A" : value;
            }
            case "CR", "IR", "AR" -> {
                return value.equals("X") ? "H" : value;
            }
            default -> {
                String modified = written("M" + metric);
                return modified.equals("X") ? value : modified;
            }
        }
    }
}
