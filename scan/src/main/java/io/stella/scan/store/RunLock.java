package io.stella.scan.store;

/**
 * A registry's scan lock held by this process. {@link #heartbeat()} periodically (well within the
 * {@code staleAfter} others use), {@link #close()} to release it. Closing the store releases its locks too.
 */
public interface RunLock extends AutoCloseable {

    /** Records that the owner is alive; throws {@link LockLostException} when another process took the lock over. */
    void heartbeat();

    /**
     * Names the run the lock protects, shown to others in {@link LockOwner#runId()}. The engine takes the lock
     * before {@link ResultsStore#startOrResumeRun} (with run id 0) and attaches the run once it has one.
     * Throws {@link LockLostException} when another process took the lock over.
     */
    void attachRun(long runId);

    /** Releases the lock if this process still holds it; a second close does nothing. */
    @Override
    void close();
}
