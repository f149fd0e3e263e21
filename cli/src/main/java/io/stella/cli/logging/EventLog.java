package io.stella.cli.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * stella's own structured log events: logger {@code stella.COMPONENT}, fields {@code component}, {@code event} and
 * whatever else is known (registry, code, …; null values are left out). These loggers only write to the log file
 * ({@link LogSetup}), never to the user's terminal.
 */
public final class EventLog {
    public static final String ROOT = "stella";

    private EventLog() {
    }

    public static void info(String component, String event, String message, Object... fields) {
        log(Level.INFO, component, event, message, fields);
    }

    public static void warn(String component, String event, String message, Object... fields) {
        log(Level.WARN, component, event, message, fields);
    }

    public static void error(String component, String event, String message, Object... fields) {
        log(Level.ERROR, component, event, message, fields);
    }

    /** @param fields name, value, name, value, … */
    public static void log(Level level, String component, String event, String message, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name/value pairs");
        }
        Logger logger = LoggerFactory.getLogger(ROOT + "." + component);
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("component", component);
        entries.put("event", event);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                entries.put(String.valueOf(fields[i]), String.valueOf(fields[i + 1]));
            }
        }
        logger.atLevel(level).addMarker(Markers.appendEntries(entries)).log(message);
    }
}
