package io.stella.cli.logging;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A log entry as one human-readable line:
 * {@code 2026-12-01T23:40:01Z ERROR [registry] registry=harbor code=AUTH_INVALID_CREDENTIALS message (hint: …)}.
 */
public final class LogLineFormat {
    private static final List<String> FIRST = List.of("registry", "repository", "image", "phase", "code", "command",
            "exit_code", "duration_ms", "http_status", "credential_source");
    /** Shown elsewhere in the line, or noise for a reader (still in --format json). */
    private static final Set<String> HIDDEN = Set.of("timestamp", "level", "message", "logger", "thread", "component",
            "event", "hint", "tags", "stack_trace");
    private static final int CORRUPT_SHOWN = 200;

    private LogLineFormat() {
    }

    /** @param where the file and line number, for a corrupt line */
    public static String text(LogEntry entry, String where) {
        if (entry.corrupt()) {
            String raw = SecretRedaction.redact(entry.raw());
            return "CORRUPT " + where + ": " + (raw.length() > CORRUPT_SHOWN ? raw.substring(0, CORRUPT_SHOWN) + "…" : raw);
        }
        StringBuilder line = new StringBuilder();
        line.append(entry.timestamp().map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString())
                .orElse(entry.fields().getOrDefault("timestamp", "-")));
        line.append(' ').append(entry.level().isEmpty() ? "-" : entry.level());
        entry.field("component").ifPresent(c -> line.append(" [").append(c).append(']'));
        Map<String, String> rest = new LinkedHashMap<>(entry.fields());
        for (String name : FIRST) {
            String value = rest.remove(name);
            if (value != null) {
                appendField(line, name, value);
            }
        }
        rest.forEach((name, value) -> {
            if (!HIDDEN.contains(name)) {
                appendField(line, name, value);
            }
        });
        line.append(' ').append(entry.message());
        entry.field("hint").ifPresent(h -> line.append(" (hint: ").append(h).append(')'));
        return line.toString();
    }

    private static void appendField(StringBuilder line, String name, String value) {
        line.append(' ').append(name).append('=');
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            line.append('"').append(value.replace("\"", "\\\"")).append('"');
        } else {
            line.append(value);
        }
    }
}
