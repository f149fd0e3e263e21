package io.stella.scan.store;

/**
 * This process's scan lock was taken over by another (its heartbeat went stale): two scans of the registry may
 * now run at once, so the one that lost the lock should stop.
 */
public final class LockLostException extends IllegalStateException {

    private final transient LockOwner owner;

    public LockLostException(String registry, LockOwner owner) {
        super("the scan lock of " + registry + " was taken over"
                + (owner != null ? " by " + owner.host() + " pid " + owner.pid() : ""));
        this.owner = owner;
    }

    /** The process that holds the lock now, or null when nobody does. */
    public LockOwner owner() {
        return owner;
    }
}
