package io.stella.vulndb.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a vulnerability database holds: its sources and when it was built.
 *
 * @param location the database file or URL
 * @param builtAt  when the database content last changed (last import)
 */
public record DatabaseStatus(String location, Instant builtAt, List<SourceStatus> sources) {
    public DatabaseStatus {
        sources = List.copyOf(sources);
    }

    /** The age of the oldest source's import at {@code now}. */
    public Duration age(Instant now) {
        return sources.stream().map(SourceStatus::importedAt).min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, now)).orElse(Duration.ZERO);
    }
}
