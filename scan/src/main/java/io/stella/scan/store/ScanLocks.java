package io.stella.scan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scan_locks table: one row per locked registry, naming its owner. Each acquisition writes a fresh token, so
 * an owner whose lock was taken over can no longer heartbeat or release it.
 */
final class ScanLocks {
    private static final int ATTEMPTS = 10;

    private final Database db;
    private final StoreEnvironment environment;
    private final Set<StoredRunLock> held = ConcurrentHashMap.newKeySet();

    ScanLocks(Database db, StoreEnvironment environment) {
        this.db = db;
        this.environment = environment;
    }

    /** The outcome of one transaction; null when the row vanished between the insert and the select. */
    private record Attempt(boolean acquired, LockOwner previousOwner) {
    }

    LockResult tryLock(String registry, long runId, Duration staleAfter) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String token = UUID.randomUUID().toString();
            Attempt outcome = db.write("taking the scan lock of " + registry,
                    c -> attempt(c, registry, runId, staleAfter, token));
            if (outcome != null) {
                if (!outcome.acquired()) {
                    return new LockResult.Held(outcome.previousOwner());
                }
                StoredRunLock lock = new StoredRunLock(this, registry, token);
                held.add(lock);
                return new LockResult.Acquired(lock, Optional.ofNullable(outcome.previousOwner()));
            }
        }
        throw new IllegalStateException("the scan lock of " + registry + " kept changing hands");
    }

    /**
     * Atomic because it is one transaction: SQLite's is IMMEDIATE (one writer at a time); in PostgreSQL the insert
     * waits for a concurrent insert of the same registry to commit, and the select locks the row it read.
     */
    private Attempt attempt(Connection c, String registry, long runId, Duration staleAfter, String token)
            throws SQLException {
        Instant now = environment.clock().instant();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO scan_locks (registry, host, pid, run_id, "
                + "since_at, heartbeat_at, token) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (registry) DO NOTHING")) {
            insert.setString(1, registry);
            insert.setString(2, environment.host());
            insert.setLong(3, environment.pid());
            insert.setLong(4, runId);
            Columns.setInstant(insert, 5, now);
            Columns.setInstant(insert, 6, now);
            insert.setString(7, token);
            if (insert.executeUpdate() == 1) {
                return new Attempt(true, null);
            }
        }
        Optional<OwnerRow> current = owner(c, registry, true);
        if (current.isEmpty()) {
            return null;
        }
        LockOwner owner = current.get().owner();
        if (!dead(owner, now, staleAfter)) {
            return new Attempt(false, owner);
        }
        try (PreparedStatement takeOver = c.prepareStatement("UPDATE scan_locks SET host = ?, pid = ?, run_id = ?, "
                + "since_at = ?, heartbeat_at = ?, token = ? WHERE registry = ? AND token = ?")) {
            takeOver.setString(1, environment.host());
            takeOver.setLong(2, environment.pid());
            takeOver.setLong(3, runId);
            Columns.setInstant(takeOver, 4, now);
            Columns.setInstant(takeOver, 5, now);
            takeOver.setString(6, token);
            takeOver.setString(7, registry);
            takeOver.setString(8, current.get().token());
            takeOver.executeUpdate();
        }
        return new Attempt(true, owner);
    }

    private boolean dead(LockOwner owner, Instant now, Duration staleAfter) {
        boolean exited = owner.host().equals(environment.host()) && !environment.processAlive().test(owner.pid());
        return exited || owner.heartbeat().isBefore(now.minus(staleAfter));
    }

    private record OwnerRow(LockOwner owner, String token) {
    }

    private Optional<OwnerRow> owner(Connection c, String registry, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT host, pid, run_id, since_at, heartbeat_at, token "
                + "FROM scan_locks WHERE registry = ?" + (forUpdate ? db.lockRowClause() : ""))) {
            select.setString(1, registry);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LockOwner owner = new LockOwner(rs.getString("host"), rs.getLong("pid"), rs.getLong("run_id"),
                        Columns.instant(rs, "since_at"), Columns.instant(rs, "heartbeat_at"));
                return Optional.of(new OwnerRow(owner, rs.getString("token")));
            }
        }
    }

    /** Sets the lock's heartbeat to now; {@link LockLostException} when the token no longer holds it. */
    void heartbeat(String registry, String token) {
        update(registry, token, "heartbeat_at", environment.clock().millis(), "recording the heartbeat of");
    }

    void attachRun(String registry, String token, long runId) {
        update(registry, token, "run_id", runId, "attaching run " + runId + " to");
    }

    private void update(String registry, String token, String column, long value, String what) {
        db.write(what + " the scan lock of " + registry, c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE scan_locks SET " + column + " = ? WHERE registry = ? AND token = ?")) {
                update.setLong(1, value);
                update.setString(2, registry);
                update.setString(3, token);
                if (update.executeUpdate() == 0) {
                    throw new LockLostException(registry, owner(c, registry, false).map(OwnerRow::owner).orElse(null));
                }
            }
            return null;
        });
    }

    /** Deletes the row if the token still holds it. */
    void release(StoredRunLock lock) {
        held.remove(lock);
        db.write("releasing the scan lock of " + lock.registry(), c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM scan_locks WHERE registry = ? AND token = ?")) {
                delete.setString(1, lock.registry());
                delete.setString(2, lock.token());
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Releases every lock this store still holds, as its process would on exit. */
    void releaseAll() {
        RuntimeException first = null;
        for (StoredRunLock lock : List.copyOf(held)) {
            try {
                lock.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
