package io.stella.registry.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code vulndb:} section of the config.
 *
 * @param maxAge older than this, the vulnerability database is stale: every report warns, and
 *               {@code --fail-on-stale} fails the scan (written {@code 36h}, {@code 7d}; default 7 days)
 * @param path   the database file (default {@code $STELLA_HOME/db/stella.db}); null for the default
 */
public record VulndbConfig(String maxAge, Path path) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhd])");

    public VulndbConfig {
        if (maxAge != null) {
            maxAgeOf(maxAge);
        }
    }

    public static VulndbConfig defaults() {
        return new VulndbConfig(null, null);
    }

    public Duration maxAgeOrDefault() {
        return maxAge == null ? DEFAULT_MAX_AGE : maxAgeOf(maxAge);
    }

    VulndbConfig resolvedAgainst(Path directory) {
        return path == null || path.isAbsolute() ? this : new VulndbConfig(maxAge, directory.resolve(path));
    }

    private static Duration maxAgeOf(String text) {
        Matcher m = AGE.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new InvalidConfigValueException("max_age",
                    "max_age '" + text + "' is not a duration; write it as minutes, hours or days, e.g. 90m, 36h, 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
