package io.stella.registry.http;

import java.time.Duration;

/**
 * Timeouts and retry bounds for talking to a registry.
 *
 * @param connectTimeout   TCP + TLS connect
 * @param responseTimeout  from sending a request to its response headers
 * @param idleTimeout      longest pause between bytes of a streamed body before it is abandoned
 * @param maxAttempts      attempts for one request on 5xx, 429 and connection resets (1 = no retry)
 * @param initialBackoff   the first pause between attempts; doubled each time, with jitter
 * @param maxBackoff       the longest pause between attempts
 * @param maxRetryAfter    the longest {@code Retry-After} stella will wait before giving up at once
 */
public record NetworkSettings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout,
                              int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                              Duration maxRetryAfter) {

    public static final NetworkSettings DEFAULT = new NetworkSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), 4, Duration.ofMillis(250), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    public NetworkSettings withTimeout(Duration timeout) {
        return new NetworkSettings(timeout, timeout, timeout.multipliedBy(2), maxAttempts, initialBackoff,
                maxBackoff, maxRetryAfter);
    }

    public NetworkSettings withMaxAttempts(int attempts) {
        return new NetworkSettings(connectTimeout, responseTimeout, idleTimeout, attempts, initialBackoff,
                maxBackoff, maxRetryAfter);
    }

    public NetworkSettings withBackoff(Duration initial, Duration max) {
        return new NetworkSettings(connectTimeout, responseTimeout, idleTimeout, maxAttempts, initial, max,
                maxRetryAfter);
    }
}
