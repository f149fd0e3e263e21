package io.stella.vulndb.cvss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Specification data for the interpolation inside a MacroVector: the highest-severity metric
 * combinations of each EQ class, and each class's depth (its maximal severity distance plus one), as
 * published with FIRST's reference calculator ({@code max_composed.js}, {@code max_severity.js}).
 */
final class Cvss4HighestVectors {
    private static final List<List<String>> EQ1 = List.of(
            List.of("AV:N/PR:N/UI:N"),
            List.of("AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"),
            List.of("AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"));
    private static final List<List<String>> EQ2 = List.of(
            List.of("AC:L/AT:N"),
            List.of("AC:H/AT:N", "AC:L/AT:P"));
    /** Indexed by EQ3, then EQ6. */
    private static final List<List<List<String>>> EQ3_EQ6 = List.of(
            List.of(List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"),
                    List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M")),
            List.of(List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"),
                    List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
                            "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
                            "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M")),
            List.of(List.of(), List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H")));
    private static final List<List<String>> EQ4 = List.of(
            List.of("SC:H/SI:S/SA:S"),
            List.of("SC:H/SI:H/SA:H"),
            List.of("SC:L/SI:L/SA:L"));
    private static final List<List<String>> EQ5 = List.of(List.of("E:A"), List.of("E:P"), List.of("E:U"));

    private static final int[] EQ1_DEPTH = {1, 4, 5};
    private static final int[] EQ2_DEPTH = {1, 2};
    private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
    private static final int[] EQ4_DEPTH = {6, 5, 4};

    private Cvss4HighestVectors() {
    }

    /** Every combination of the classes' highest vectors, in the reference calculator's order. */
    static List<Map<String, String>> candidates(MacroVector mv) {
        List<Map<String, String>> result = new ArrayList<>();
        for (String eq1 : EQ1.get(mv.eq1())) {
            for (String eq2 : EQ2.get(mv.eq2())) {
                for (String eq3eq6 : EQ3_EQ6.get(mv.eq3()).get(mv.eq6())) {
                    for (String eq4 : EQ4.get(mv.eq4())) {
                        for (String eq5 : EQ5.get(mv.eq5())) {
                            result.add(metrics(String.join("/", eq1, eq2, eq3eq6, eq4, eq5)));
                        }
                    }
                }
            }
        }
        return result;
    }

    static int eq1Depth(MacroVector mv) {
        return EQ1_DEPTH[mv.eq1()];
    }

    static int eq2Depth(MacroVector mv) {
        return EQ2_DEPTH[mv.eq2()];
    }

    static int eq3eq6Depth(MacroVector mv) {
        return EQ3_EQ6_DEPTH[mv.eq3()][mv.eq6()];
    }

    static int eq4Depth(MacroVector mv) {
        return EQ4_DEPTH[mv.eq4()];
    }

    private static Map<String, String> metrics(String parts) {
        Map<String, String> metrics = new HashMap<>();
        for (String part : parts.split("/")) {
            String[] kv = part.split(":");
            metrics.put(kv[0], kv[1]);
        }
        return metrics;
    }
}
