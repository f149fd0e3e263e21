package io.stella.scan.store;

import java.util.Optional;

/** The outcome of {@link ResultsStore#tryLock}. */
public sealed interface LockResult {

    /** This process holds the lock now; {@code takenOverFrom} is the dead or stale owner it replaced. */
    record Acquired(RunLock lock, Optional<LockOwner> takenOverFrom) implements LockResult {
    }

    /** A live process holds the lock. */
    record Held(LockOwner owner) implements LockResult {
    }
}
