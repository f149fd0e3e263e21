package io.stella.scan.registry;

import io.stella.inventory.analysis.AnalysisOptions;
import io.stella.registry.Platform;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How a registry scan runs.
 *
 * @param maxWorkers      images scanned at once
 * @param timeoutPerImage longer than this, an image fails with SCAN_TIMEOUT and the worker moves on
 * @param metadataWorkers repositories and tags read at once in the metadata phase
 * @param platform        the platform to pick from multi-arch images (default: the selector's default)
 * @param analysis        analyzer options (file size caps ...)
 * @param lockStaleAfter  a lock whose owner has not shown life for this long is taken over
 * @param heartbeatEvery  how often the running scan shows life on its lock
 * @param clock           time for records, ages and the lock
 */
public record RegistryScanSettings(int maxWorkers, Duration timeoutPerImage, int metadataWorkers,
                                   Optional<Platform> platform, AnalysisOptions analysis, Duration lockStaleAfter,
                                   Duration heartbeatEvery, Clock clock) {
    public RegistryScanSettings {
        if (maxWorkers < 1 || metadataWorkers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }

    public static RegistryScanSettings defaults(AnalysisOptions analysis) {
        return new RegistryScanSettings(5, Duration.ofMinutes(30), 10, Optional.empty(), analysis,
                Duration.ofMinutes(2), Duration.ofSeconds(15), Clock.systemUTC());
    }

    public RegistryScanSettings withWorkers(int workers, Duration timeout, int metadata) {
        return new RegistryScanSettings(workers, timeout, metadata, platform, analysis, lockStaleAfter, heartbeatEvery, clock);
    }

    public RegistryScanSettings withPlatform(Optional<Platform> p) {
        return new RegistryScanSettings(maxWorkers, timeoutPerImage, metadataWorkers, p, analysis, lockStaleAfter,
                heartbeatEvery, clock);
    }
}
