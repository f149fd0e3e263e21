package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks every row of a vector file in both directions and fails once with all mismatches (the first
 * 50 listed) and their count. Rows a test knows to differ are passed as {@code a<TAB>b -> reason}; each
 * of them must be in the file and must really differ, so the list cannot hide rows that pass.
 */
final class Conformance {
    private static final int LISTED = 50;

    /** How one scheme compares; may throw for versions it rejects. */
    interface Comparison {
        int compare(String a, String b) throws InvalidVersionException;
    }

    private Conformance() {
    }

    static void assertConforms(String fileName, List<VectorRow> rows, Comparison comparison,
                               Map<String, String> knownDifferences) {
        assertThat(rows).as("rows of %s", fileName).isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        Set<String> differingKnown = new TreeSet<>();
        Set<String> seenKnown = new TreeSet<>();
        for (VectorRow row : rows) {
            String problem = check(row, comparison);
            boolean known = knownDifferences.containsKey(row.key());
            if (known) {
                seenKnown.add(row.key());
                if (problem != null) {
                    differingKnown.add(row.key());
                }
            } else if (problem != null) {
                mismatches.add(problem);
            }
        }
        assertThat(mismatches)
                .as("%s: %d of %d rows do not match; first %d:%n%s", fileName, mismatches.size(), rows.size(),
                        LISTED, String.join("\n", mismatches.subList(0, Math.min(LISTED, mismatches.size()))))
                .isEmpty();
        assertThat(seenKnown).as("%s: listed known differences present in the file", fileName)
                .containsExactlyInAnyOrderElementsOf(knownDifferences.keySet());
        assertThat(differingKnown).as("%s: listed known differences that really differ", fileName)
                .containsExactlyInAnyOrderElementsOf(knownDifferences.keySet());
    }

    static void assertConforms(String fileName, Comparison comparison, Map<String, String> knownDifferences) {
        assertConforms(fileName, VectorFiles.comparisons(fileName), comparison, knownDifferences);
    }

    static void assertConforms(String fileName, Comparison comparison) {
        assertConforms(fileName, comparison, Map.of());
    }

    /** Null when the row holds both ways, else a description of what went wrong. */
    static String check(VectorRow row, Comparison comparison) {
        try {
            int forward = Integer.signum(comparison.compare(row.a(), row.b()));
            int backward = Integer.signum(comparison.compare(row.b(), row.a()));
            if (forward == row.cmp() && backward == -row.cmp()) {
                return null;
            }
            return "'" + row.a() + "' vs '" + row.b() + "': expected " + row.cmp() + ", got " + forward
                    + " (reverse " + backward + ") [" + row.source() + "]";
        } catch (InvalidVersionException | RuntimeException e) {
            return "'" + row.a() + "' vs '" + row.b() + "': expected " + row.cmp() + ", threw " + e
                    + " [" + row.source() + "]";
        }
    }

    /** Builds an ordered map of known differences from {@code key, reason} pairs. */
    static Map<String, String> known(String... keysAndReasons) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndReasons.length; i += 2) {
            map.put(keysAndReasons[i], keysAndReasons[i + 1]);
        }
        return map;
    }
}
