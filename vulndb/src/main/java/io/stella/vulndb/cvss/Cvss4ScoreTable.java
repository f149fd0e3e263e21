package io.stella.vulndb.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The specification's MacroVector score table, read from {@code cvss4-macrovector-scores.txt}. */
final class Cvss4ScoreTable {
    private static final String RESOURCE = "cvss4-macrovector-scores.txt";
    private static final Map<String, Double> SCORES = load();

    private Cvss4ScoreTable() {
    }

    /** Empty for codes outside the table (e.g. an EQ value one past the lowest class). */
    static OptionalDouble score(String macroVectorCode) {
        Double score = SCORES.get(macroVectorCode);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    static int size() {
        return SCORES.size();
    }

    private static Map<String, Double> load() {
        try (InputStream in = Cvss4ScoreTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Double> scores = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split("\\s+");
                scores.put(fields[0], Double.parseDouble(fields[1]));
            }
            return Map.copyOf(scores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
