package io.stella.vulndb.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * maven.tsv was assembled from Maven's own tests (partly Maven 4 behaviour) and osv-scalibr's rows generated
 * with maven-artifact 3.8.6. The build pins maven-artifact 3.9.16, so for the rows of
 * maven-version-dependent.tsv the expected value is that file's {@code maven-artifact-3.9.16} column. It
 * differs from maven.tsv on 23 rows: MNG-7714 ({@code 1.0.final-redhat} vs {@code 1.0-sp1-redhat}, 3 rows,
 * Maven 4 only), non-ASCII digits ({@code 1} vs {@code ٨}, Maven 4 only), the suspect osv-scalibr row
 * {@code 1-1 = 1-ga-1} (every maven-artifact gives {@code >}) and 18 osv-scalibr rows generated with 3.8.6
 * that changed with MNG-7644 in 3.8.8/3.9.x.
 */
class MavenVersionSchemeTest {
    private static final String PINNED = "maven-artifact-3.9.16";

    private final MavenVersionScheme scheme = new MavenVersionScheme();

    @Test
    void everyRowOfMavenVectorsHoldsBothWaysWithTheResultsOfThePinnedMavenArtifact() {
        Map<String, Integer> pinned = pinnedResults();
        List<VectorRow> rows = VectorFiles.comparisons("maven.tsv");
        List<VectorRow> expected = rows.stream()
                .map(r -> pinned.containsKey(r.key())
                        ? new VectorRow(r.a(), r.b(), pinned.get(r.key()), r.source() + " [" + PINNED + "]")
                        : r)
                .toList();
        List<String> changed = rows.stream()
                .filter(r -> pinned.containsKey(r.key()) && pinned.get(r.key()) != r.cmp())
                .map(r -> r.key() + ": file " + r.cmp() + ", " + PINNED + " " + pinned.get(r.key()))
                .toList();

        assertThat(changed).as("maven.tsv rows where %s disagrees with the file", PINNED).hasSize(23)
                .contains("1-1\t1-ga-1: file 0, " + PINNED + " 1");
        Conformance.assertConforms("maven.tsv", expected, scheme::compare, Map.of());
    }

    @Test
    void rejectsBlankVersions() {
        InvalidVersions.assertRejected(scheme, "", "empty");
        InvalidVersions.assertRejected(scheme, "   ", "empty");
    }

    private static Map<String, Integer> pinnedResults() {
        List<String[]> lines = VectorFiles.lines("maven-version-dependent.tsv");
        Map<String, Integer> results = new HashMap<>();
        // the header names the column; find it rather than trusting a position
        int column = header("maven-version-dependent.tsv").indexOf(PINNED);
        assertThat(column).as("column %s", PINNED).isPositive();
        for (String[] line : lines) {
            results.put(line[0] + "\t" + line[1], Integer.parseInt(line[column]));
        }
        assertThat(results).hasSize(72);
        return results;
    }

    private static List<String> header(String fileName) {
        try {
            String first = java.nio.file.Files.readAllLines(VectorFiles.vectors().resolve(fileName)).get(0);
            return List.of(first.split("\t", -1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
