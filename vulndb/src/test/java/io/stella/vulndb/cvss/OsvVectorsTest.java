package io.stella.vulndb.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Every CVSS_V3 / CVSS_V4 vector of the real OSV records in the shared test data must be scored. */
class OsvVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOsvVectorParses() throws IOException {
        Path osv = testData().resolve("osv");
        assumeTrue(Files.isDirectory(osv), "shared test data absent (" + osv + "): OSV vector check skipped");
        TreeMap<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int unreadableRecords = 0;
        List<Path> zips;
        try (var files = Files.list(osv)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        for (Path zip : zips) {
            try (ZipFile file = new ZipFile(zip.toFile())) {
                for (ZipEntry entry : file.stream().toList()) {
                    JsonNode record;
                    try (InputStream in = file.getInputStream(entry)) {
                        record = JSON.readTree(in);
                    } catch (IOException e) {
                        unreadableRecords++;
                        continue;
                    }
                    for (JsonNode severity : record.path("severity")) {
                        String type = severity.path("type").asText();
                        if (!type.equals("CVSS_V3") && !type.equals("CVSS_V4")) {
                            continue;
                        }
                        String vector = severity.path("score").asText();
                        counts.merge(zip.getFileName() + " " + type, 1, Integer::sum);
                        Cvss.explain(vector).ifPresent(reason ->
                                failures.add(entry.getName() + ": " + vector + ": " + reason));
                    }
                }
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("OSV CVSS vectors scored: " + total + " " + counts
                + (unreadableRecords > 0 ? "; records that are not JSON: " + unreadableRecords : ""));
        assertThat(failures).isEmpty();
        assertThat(total).isPositive();
        assertThat(counts.keySet()).anyMatch(k -> k.endsWith("CVSS_V4"));
    }

    private static Path testData() {
        String configured = System.getProperty("stella.testdata", System.getenv("STELLA_TESTDATA"));
        return configured != null ? Path.of(configured) : Path.of("../../shared/testdata");
    }
}
