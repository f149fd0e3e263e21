package io.stella.registry.http;

import java.time.Duration;

/** Waits between retries; a seam so that retry logic is testable without real waiting. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d);

    void sleep(Duration duration) throws InterruptedException;
}
