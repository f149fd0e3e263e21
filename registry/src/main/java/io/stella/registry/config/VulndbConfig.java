package io.stella.registry.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code vulndb:} section of the config.
 *
 * @param maxAge older than this, the vulnerability database is stale: every report warns, and
 *               {@code --fail-on-stale} fails the scan (written {@code 36h}, {@code 7d}; default 7 days)
 * @param path   the database file (default {@code $STELLA_HOME/db/stella.db}); null for the default
 */
public record VulndbConfig(String maxAge, Path path) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

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
        return ConfigDurations.parse("max_age", text, "mhd", "90m, 36h, 7d");
    }
}
