package io.stella.cli.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts firing now, kept in {@code $STELLA_HOME/alerts/active.json} so that the next stella run knows
 * whether an outcome raises, repeats or resolves an alert.
 */
final class ActiveAlerts {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    ActiveAlerts(Path file) {
        this.file = file;
    }

    synchronized Map<String, AlertEvent> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, AlertEvent>>() {}));
        } catch (IOException e) {
            // An unreadable state file only costs a repeated notification, never a lost one.
            return new TreeMap<>();
        }
    }

    synchronized void write(Map<String, AlertEvent> active) {
        try {
            io.stella.cli.output.AtomicJsonFile.write(JSON, file, active);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
