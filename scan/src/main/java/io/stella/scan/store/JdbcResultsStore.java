package io.stella.scan.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The results store over either database; the tables each have their own class. */
final class JdbcResultsStore implements ResultsStore {
    private final Database db;
    private final int schemaVersion;
    private final Runs runs;
    private final ImageRows images;
    private final ContentCache inventories;
    private final ContentCache layerFragments;
    private final ScanLocks locks;

    JdbcResultsStore(Database db, int schemaVersion, StoreEnvironment environment) {
        this.db = db;
        this.schemaVersion = schemaVersion;
        this.runs = new Runs(db);
        this.images = new ImageRows(db);
        this.inventories = new ContentCache(db, "inventories", environment.clock());
        this.layerFragments = new ContentCache(db, "layer_fragments", environment.clock());
        this.locks = new ScanLocks(db, environment);
    }

    @Override
    public String describe() {
        return db.describe();
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public LockResult tryLock(String registry, long runId, Duration staleAfter) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(staleAfter, "staleAfter");
        return locks.tryLock(registry, runId, staleAfter);
    }

    @Override
    public ScanRun startOrResumeRun(String registry, String mode, Instant now) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(now, "now");
        return runs.startOrResume(registry, mode, now);
    }

    @Override
    public void finishRun(long runId, RunTotals totals, Instant now) {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(now, "now");
        runs.finish(runId, totals, now);
    }

    @Override
    public Optional<ScanRun> latestRun(String registry) {
        return runs.latest(registry);
    }

    @Override
    public Optional<ScanRun> run(long runId) {
        return runs.run(runId);
    }

    @Override
    public void recordImage(long runId, ImageRecord record) {
        Objects.requireNonNull(record, "record");
        images.record(runId, record);
    }

    @Override
    public Set<String> completedImageKeys(long runId) {
        return images.keys(runId);
    }

    @Override
    public List<ImageRecord> imageRecords(long runId) {
        return images.records(runId);
    }

    @Override
    public List<KnownImage> knownImages(String registry) {
        return images.known(registry);
    }

    @Override
    public Optional<byte[]> inventory(String manifestDigest, String analyzerVersion) {
        return inventories.get(manifestDigest, analyzerVersion);
    }

    @Override
    public void putInventory(String manifestDigest, String analyzerVersion, byte[] data) {
        inventories.put(manifestDigest, analyzerVersion, Objects.requireNonNull(data, "data"));
    }

    @Override
    public Optional<byte[]> layerFragment(String layerDigest, String analyzerVersion) {
        return layerFragments.get(layerDigest, analyzerVersion);
    }

    @Override
    public void putLayerFragment(String layerDigest, String analyzerVersion, byte[] data) {
        layerFragments.put(layerDigest, analyzerVersion, Objects.requireNonNull(data, "data"));
    }

    @Override
    public void close() {
        try {
            locks.releaseAll();
        } finally {
            db.close();
        }
    }

    @Override
    public String toString() {
        return "results store " + describe();
    }
}
