package io.stella.vulndb;

import io.stella.vulndb.bundle.BundleExporter;
import io.stella.vulndb.bundle.BundleImporter;
import io.stella.vulndb.bundle.BundleManifest;
import io.stella.vulndb.cvss.Cvss;
import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SqliteVulnerabilityStore;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.update.DatabaseUpdater;
import io.stella.vulndb.update.ProgressListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The vulnerability database at one file, as the CLI uses it. The file need not exist yet: imports and
 * updates create it; reading a missing one fails with {@code VULNDB_MISSING}. Every change is built beside
 * the file and swapped in atomically, so a failed import or update leaves the previous database usable.
 */
public final class VulnDatabase {
    private final Path file;
    private final Clock clock;
    private final SourceImporter importer;

    private VulnDatabase(Path file, Clock clock, Function<String, Optional<SeverityRating>> vectorRating) {
        this.file = file;
        this.clock = clock;
        this.importer = new SourceImporter(vectorRating, clock);
    }

    public static VulnDatabase open(Path file) {
        return open(file, Clock.systemUTC(), Cvss::rate);
    }

    /** @param vectorRating rates CVSS vectors at import (tests pass their own so as not to depend on CVSS numbers) */
    public static VulnDatabase open(Path file, Clock clock, Function<String, Optional<SeverityRating>> vectorRating) {
        return new VulnDatabase(file, clock, vectorRating);
    }

    public Path file() {
        return file;
    }

    /**
     * Imports OSV files, directories and zips, Alpine secdb YAML, or one offline bundle (which replaces the
     * whole database), all in one atomic change; one report per source.
     */
    public List<ImportReport> importPaths(List<Path> paths) {
        List<Path> bundles = paths.stream().filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".zip")
                && BundleImporter.isBundle(p)).toList();
        if (bundles.isEmpty()) {
            return importer.importPaths(file, paths);
        }
        if (paths.size() > 1) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot import " + bundles.getFirst()
                    + " together with other paths: a bundle replaces the whole database",
                    "import the bundle alone, then the other paths", Map.of("path", bundles.getFirst().toString()), null);
        }
        long start = System.nanoTime();
        BundleImporter.importBundle(bundles.getFirst(), file);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The bundle replaced the whole database: every source in it now comes from the bundle.
        return status().sources().stream().map(s -> new ImportReport(s.name(), bundles.getFirst().toString(),
                new TreeMap<>(s.records()), (int) s.totalRecords(), List.of(), 0, 0, 0, took)).toList();
    }

    public BundleManifest exportBundle(Path bundle) {
        return BundleExporter.export(file, bundle, clock);
    }

    public List<ImportReport> update(List<URI> sources, ProgressListener progress) {
        return update(sources, progress, DatabaseUpdater.defaultClient());
    }

    public List<ImportReport> update(List<URI> sources, ProgressListener progress, HttpClient client) {
        List<URI> effective = sources.isEmpty() ? DatabaseUpdater.defaultSources() : sources;
        return new DatabaseUpdater(file, importer, client).update(effective, progress);
    }

    public DatabaseStatus status() {
        try (VulnerabilityStore store = openStore()) {
            return store.status();
        }
    }

    public Staleness.Verdict staleness(Duration maxAge) {
        return new Staleness(maxAge, clock).check(status());
    }

    /** The read side for matching; the caller closes it. */
    public VulnerabilityStore openStore() {
        return SqliteVulnerabilityStore.open(file);
    }
}
