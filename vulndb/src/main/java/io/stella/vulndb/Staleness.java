package io.stella.vulndb;

import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;

/** Whether a database is too old to trust a clean scan: its oldest source's import against a maximum age. */
public final class Staleness {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    private final Duration maxAge;
    private final Clock clock;

    public Staleness(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The verdict: {@code message} is null when the database is fresh. */
    public record Verdict(boolean stale, Duration age, String message) {
    }

    public Verdict check(DatabaseStatus status) {
        if (status.sources().isEmpty()) {
            return new Verdict(true, Duration.ZERO, "the vulnerability database at " + status.location()
                    + " holds no sources; run stella db update, or stella db import PATH for air-gapped hosts");
        }
        Duration age = status.age(clock.instant());
        if (age.compareTo(maxAge) <= 0) {
            return new Verdict(false, age, null);
        }
        String sources = status.sources().stream().filter(s -> Duration.between(s.importedAt(), clock.instant())
                        .compareTo(maxAge) > 0)
                .map(SourceStatus::name).collect(Collectors.joining(", "));
        return new Verdict(true, age, "the vulnerability database is " + describe(age) + " old (maximum "
                + describe(maxAge) + "); stale sources: " + sources
                + ". Run stella db update, or stella db import PATH with a fresh bundle on air-gapped hosts");
    }

    /** {@code 3 days 4 h}, {@code 5 h}, {@code 12 min}: a duration as the messages about age write it. */
    public static String describe(Duration duration) {
        if (duration.toDays() >= 1) {
            return duration.toDays() + " day" + (duration.toDays() == 1 ? "" : "s")
                    + (duration.toHoursPart() > 0 ? " " + duration.toHoursPart() + " h" : "");
        }
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h";
        }
        if (duration.toMinutes() >= 1) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() >= 1 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
