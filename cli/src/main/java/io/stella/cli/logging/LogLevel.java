package io.stella.cli.logging;

import java.util.Locale;
import java.util.Optional;

/** Log levels in order of severity, for {@code --level} (a minimum). */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    /** The level named by {@code text} (any case; WARNING for WARN), if it is one. */
    public static Optional<LogLevel> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.equals("WARNING")) {
            name = "WARN";
        }
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
