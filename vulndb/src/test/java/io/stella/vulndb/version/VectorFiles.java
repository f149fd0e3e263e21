package io.stella.vulndb.version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared test vectors from {@code ${stella.testdata}/vectors}; fails when they are missing. */
final class VectorFiles {
    private VectorFiles() {
    }

    static Path vectors() {
        String testData = System.getProperty("stella.testdata", System.getenv("STELLA_TESTDATA"));
        if (testData == null || testData.isBlank()) {
            throw new IllegalStateException("system property stella.testdata is not set (the parent pom sets it)");
        }
        Path vectors = Path.of(testData, "vectors");
        if (!Files.isDirectory(vectors)) {
            throw new IllegalStateException("shared test vectors not found at " + vectors.toAbsolutePath());
        }
        return vectors;
    }

    /** Every line after the header, split on tabs (empty fields kept). */
    static List<String[]> lines(String fileName) {
        try {
            List<String> lines = Files.readAllLines(vectors().resolve(fileName), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of an {@code a b cmp source} file. */
    static List<VectorRow> comparisons(String fileName) {
        return lines(fileName).stream()
                .map(f -> new VectorRow(f[0], f[1], Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""))
                .toList();
    }
}
