package io.stella.registry.config;

import java.time.Duration;

/**
 * The {@code scan:} section of the config: how a registry scan spends its resources. Null means the default.
 *
 * @param maxWorkers                       images scanned at the same time (default 5)
 * @param timeoutPerImage                  how long one image's scan may take, written {@code 90s}, {@code 10m},
 *                                         {@code 2h} (default 30 minutes)
 * @param maxConcurrentRequestsPerRegistry requests in flight to one registry at a time (default 10)
 */
public record ScanConfig(Integer maxWorkers, String timeoutPerImage, Integer maxConcurrentRequestsPerRegistry) {

    public static final int DEFAULT_MAX_WORKERS = 5;
    public static final Duration DEFAULT_TIMEOUT_PER_IMAGE = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS_PER_REGISTRY = 10;

    public ScanConfig {
        requirePositive("max_workers", maxWorkers);
        requirePositive("max_concurrent_requests_per_registry", maxConcurrentRequestsPerRegistry);
        if (timeoutPerImage != null) {
            timeoutOf(timeoutPerImage);
        }
    }

    public static ScanConfig defaults() {
        return new ScanConfig(null, null, null);
    }

    public int maxWorkersOrDefault() {
        return maxWorkers == null ? DEFAULT_MAX_WORKERS : maxWorkers;
    }

    public Duration timeoutPerImageOrDefault() {
        return timeoutPerImage == null ? DEFAULT_TIMEOUT_PER_IMAGE : timeoutOf(timeoutPerImage);
    }

    public int maxConcurrentRequestsPerRegistryOrDefault() {
        return maxConcurrentRequestsPerRegistry == null ? DEFAULT_MAX_CONCURRENT_REQUESTS_PER_REGISTRY
                : maxConcurrentRequestsPerRegistry;
    }

    private static Duration timeoutOf(String text) {
        return ConfigDurations.parse("timeout_per_image", text, "smh", "90s, 10m, 2h");
    }

    private static void requirePositive(String key, Integer value) {
        if (value != null && value < 1) {
            throw new InvalidConfigValueException(key, key + " must be at least 1, not " + value
                    + "; remove it for the default");
        }
    }
}
