package io.stella.cli.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".active-", ".json");
            JSON.writeValue(temp.toFile(), active);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
