package io.stella.cli.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the log file: a JSON object with timestamp, level, message, logger, component and more fields; or a
 * corrupt line (not a JSON object), kept as text.
 */
public record LogEntry(String raw, Optional<Instant> timestamp, String level, String message,
                       Map<String, String> fields, boolean corrupt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static LogEntry parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new LogEntry(line, Optional.empty(), "", "", Map.of(), true);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(p -> fields.put(p.getKey(), p.getValue().isValueNode() ? p.getValue().asText()
                : p.getValue().toString()));
        return new LogEntry(line, instant(fields.get("timestamp")), fields.getOrDefault("level", "").toUpperCase(Locale.ROOT),
                fields.getOrDefault("message", ""), Collections.unmodifiableMap(fields), false);
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
