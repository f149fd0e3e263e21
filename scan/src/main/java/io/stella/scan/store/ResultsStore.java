package io.stella.scan.store;

import io.stella.registry.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where registry-wide scans keep their runs, per-image results, content-addressed caches and scan locks: an
 * embedded SQLite file by default, or a PostgreSQL database shared by several hosts. Every method is safe to call
 * from many threads. Failures to open, read or write the store are {@code RegistryException}s with code
 * {@code STORE_UNAVAILABLE}; every write is one transaction, so a process killed at any moment leaves each record
 * either complete or absent.
 */
public interface ResultsStore extends AutoCloseable {

    /** Opens (creating the parent directories and the file if needed) a SQLite store: WAL mode, busy timeout. */
    static ResultsStore sqlite(Path file) {
        return SqliteDatabase.openStore(file, StoreEnvironment.system());
    }

    /** Opens a PostgreSQL store, creating or migrating its tables; {@code password} may be null. */
    static ResultsStore jdbc(String url, String username, Secret password) {
        return PostgresDatabase.openStore(url, username, password, StoreEnvironment.system());
    }

    /** "sqlite /path/results.db", or the JDBC URL without secrets. */
    String describe();

    /** The schema version this stella writes: a store opened by it is migrated to this version. */
    int CURRENT_SCHEMA_VERSION = Migrations.LATEST;

    /** The version of the store's schema (the latest migration applied). */
    int schemaVersion();

    /**
     * Takes the named lock of one registry, shared by every process using this store. The lock is taken over when
     * its owner is dead: on the same host with a pid that is not alive, or with a heartbeat older than
     * {@code staleAfter}. {@code runId} may be 0 when the run is not known yet (see {@link RunLock#attachRun}).
     */
    LockResult tryLock(String registry, long runId, Duration staleAfter);

    /** Resumes the newest unfinished run of this registry and mode (resumed=true), else starts a new one. */
    ScanRun startOrResumeRun(String registry, String mode, Instant now);

    /** Marks the run finished; an {@link IllegalArgumentException} when there is no such run. */
    void finishRun(long runId, RunTotals totals, Instant now);

    /** The newest run (by id) of the registry. */
    Optional<ScanRun> latestRun(String registry);

    Optional<ScanRun> run(long runId);

    /** Insert-or-replace on (runId, imageKey) in one transaction: a record is either fully there or not at all. */
    void recordImage(long runId, ImageRecord record);

    /** The keys of every image recorded in the run, whatever its status. */
    Set<String> completedImageKeys(long runId);

    /** The run's records, ordered by imageKey. */
    List<ImageRecord> imageRecords(long runId);

    /**
     * The latest SUCCESS record per repository and digest over all runs of the registry, finished or not, ordered
     * by repository and digest. Records without a digest are left out.
     */
    List<KnownImage> knownImages(String registry);

    /** The cached inventory of an image manifest made by this analyzer version. */
    Optional<byte[]> inventory(String manifestDigest, String analyzerVersion);

    /** Caches an inventory; a second put of the same key is a no-op, concurrent puts never fail. */
    void putInventory(String manifestDigest, String analyzerVersion, byte[] data);

    /** The cached analysis fragment of one layer made by this analyzer version. */
    Optional<byte[]> layerFragment(String layerDigest, String analyzerVersion);

    /** Caches a layer fragment; a second put of the same key is a no-op, concurrent puts never fail. */
    void putLayerFragment(String layerDigest, String analyzerVersion, byte[] data);

    /** Releases the locks this store still holds and closes its connections. */
    @Override
    void close();
}
