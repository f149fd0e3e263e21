package io.stella.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StalenessTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static SourceStatus source(String name, Instant importedAt) {
        return new SourceStatus(name, "origin", importedAt, null, Map.of("PyPI", 1L), null);
    }

    @Test
    void aDatabaseOlderThanTheMaximumAgeIsStaleAndTheMessageSaysWhyAndHowToFix() {
        DatabaseStatus status = new DatabaseStatus("/db/stella.db", NOW, List.of(
                source("osv:PyPI", NOW.minus(Duration.ofDays(9))), source("osv:Go", NOW.minus(Duration.ofDays(1)))));
        Staleness.Verdict verdict = new Staleness(Staleness.DEFAULT_MAX_AGE, clock).check(status);
        assertThat(verdict.stale()).isTrue();
        assertThat(verdict.age()).isEqualTo(Duration.ofDays(9));
        assertThat(verdict.message()).contains("9 days old").contains("7 days").contains("osv:PyPI")
                .doesNotContain("osv:Go").contains("stella db update");
    }

    @Test
    void aFreshDatabaseIsNotStale() {
        DatabaseStatus status = new DatabaseStatus("/db/stella.db", NOW, List.of(
                source("osv:PyPI", NOW.minus(Duration.ofHours(5)))));
        Staleness.Verdict verdict = new Staleness(Staleness.DEFAULT_MAX_AGE, clock).check(status);
        assertThat(verdict.stale()).isFalse();
        assertThat(verdict.message()).isNull();
    }

    @Test
    void aDatabaseWithoutSourcesIsStale() {
        Staleness.Verdict verdict = new Staleness(Duration.ofDays(1), clock)
                .check(new DatabaseStatus("/db/stella.db", null, List.of()));
        assertThat(verdict.stale()).isTrue();
        assertThat(verdict.message()).contains("no sources");
    }
}
