package io.stella.scan;

import java.time.Clock;
import java.time.Duration;

/**
 * How a scan judges its database.
 *
 * @param maxDatabaseAge older than this, the database is stale ({@code vulndb.max_age}, default 7 days)
 */
public record ScanOptions(Duration maxDatabaseAge, Clock clock) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_AGE, Clock.systemUTC());
    }
}
