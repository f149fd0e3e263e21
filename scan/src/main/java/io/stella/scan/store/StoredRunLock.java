package io.stella.scan.store;

import java.util.concurrent.atomic.AtomicBoolean;

/** A scan lock this process holds, identified by the token written when it was taken. */
final class StoredRunLock implements RunLock {
    private final ScanLocks locks;
    private final String registry;
    private final String token;
    private final AtomicBoolean released = new AtomicBoolean();

    StoredRunLock(ScanLocks locks, String registry, String token) {
        this.locks = locks;
        this.registry = registry;
        this.token = token;
    }

    String registry() {
        return registry;
    }

    String token() {
        return token;
    }

    @Override
    public void heartbeat() {
        requireHeld();
        locks.heartbeat(registry, token);
    }

    @Override
    public void attachRun(long runId) {
        requireHeld();
        locks.attachRun(registry, token, runId);
    }

    private void requireHeld() {
        if (released.get()) {
            throw new IllegalStateException("the scan lock of " + registry + " was released");
        }
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            locks.release(this);
        }
    }

    @Override
    public String toString() {
        return "scan lock of " + registry;
    }
}
