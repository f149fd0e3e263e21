package io.stella.scan.registry;

import io.stella.scan.store.RunLock;
import java.time.Duration;

/** Shows the lock's owner is alive while a scan runs, so nobody takes the lock over. */
final class Heartbeat implements AutoCloseable {
    private final Thread thread;

    Heartbeat(RunLock lock, Duration every) {
        this.thread = Thread.ofVirtual().name("scan-heartbeat").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    lock.heartbeat();
                } catch (RuntimeException e) {
                    // the next beat tries again; a lock that is lost shows when the store is written
                }
            }
        });
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
