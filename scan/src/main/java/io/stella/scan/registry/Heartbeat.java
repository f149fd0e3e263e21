package io.stella.scan.registry;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.LockLostException;
import io.stella.scan.store.RunLock;
import java.time.Duration;

/** Shows the lock's owner is alive while a scan runs, so nobody takes the lock over. */
final class Heartbeat implements AutoCloseable {
    private final Thread thread;
    private volatile LockLostException lost;

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
                } catch (LockLostException e) {
                    lost = e;
                    return;
                } catch (RuntimeException e) {
                    // the store is briefly unreachable: the next beat tries again
                }
            }
        });
    }

    /**
     * Fails when another process took the lock over (this one looked dead: no heartbeat for too long), so
     * two scans never write the same run.
     */
    void checkHeld(String registry) {
        LockLostException e = lost;
        if (e != null) {
            throw RegistryException.builder(FailureCode.SCAN_IN_PROGRESS, "the lock on registry " + registry
                            + " was taken over by pid " + e.owner().pid() + " on " + e.owner().host()
                            + " while this scan ran; this scan stops so that the two do not write the same run")
                    .hint("This scan showed no sign of life for longer than the stale-lock limit (suspended machine, "
                            + "long pause); the other scan finishes the run.")
                    .build();
        }
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
