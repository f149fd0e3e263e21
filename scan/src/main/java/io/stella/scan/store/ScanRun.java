package io.stella.scan.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry-wide scan. {@code resumed} is true once the run has been continued by a later
 * {@link ResultsStore#startOrResumeRun}; {@code finishedAt} and {@code totals} are present once it finished.
 */
public record ScanRun(long id, String registry, String mode, Instant startedAt, Optional<Instant> finishedAt,
                      boolean resumed, Optional<RunTotals> totals) {

    public ScanRun {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(totals, "totals");
    }

    public boolean finished() {
        return finishedAt.isPresent();
    }
}
