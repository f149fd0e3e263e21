package io.stella.vulndb;

import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.osv.OsvConverter;
import io.stella.vulndb.osv.OsvReader;
import io.stella.vulndb.secdb.SecdbReader;
import io.stella.vulndb.store.DatabaseBuild;
import io.stella.vulndb.store.ImportedAdvisory;
import io.stella.vulndb.store.SourceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads import inputs of every kind and writes them into a database in one atomic build: everything is read
 * and converted before the database is touched, and the new version replaces the old only when all succeeded.
 */
public final class SourceImporter {
    private final OsvReader osv;
    private final SecdbReader secdb = new SecdbReader();
    private final Clock clock;

    public SourceImporter(Function<String, Optional<SeverityRating>> vectorRating, Clock clock) {
        this.osv = new OsvReader(new OsvConverter(vectorRating));
        this.clock = clock;
    }

    /** A read source and how long reading it took. */
    private record Timed(ParsedSource source, Duration reading) {
    }

    /** Imports local files and directories. */
    public List<ImportReport> importPaths(Path database, List<Path> paths) {
        List<Timed> parsed = new ArrayList<>();
        for (Path path : paths) {
            long start = System.nanoTime();
            List<ParsedSource> sources = read(path);
            Duration reading = Duration.ofNanos(System.nanoTime() - start).dividedBy(sources.size());
            sources.forEach(s -> parsed.add(new Timed(s, reading)));
        }
        return write(database, parsed);
    }

    /** Imports downloaded OSV zips, each named by the URL it came from. */
    public List<ImportReport> importZips(Path database, Map<Path, String> zipsWithOrigin) {
        List<Timed> parsed = new ArrayList<>();
        zipsWithOrigin.forEach((zip, origin) -> {
            long start = System.nanoTime();
            parsed.add(new Timed(osv.readZip(zip, origin), Duration.ofNanos(System.nanoTime() - start)));
        });
        return write(database, parsed);
    }

    private List<ParsedSource> read(Path path) {
        if (!Files.exists(path)) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot import " + path
                    + ": it does not exist", "check the path", Map.of("path", path.toString()), null);
        }
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return readDirectory(path);
        }
        if (name.endsWith(".zip")) {
            return List.of(osv.readZip(path, path.toString()));
        }
        if (name.endsWith(".json")) {
            return List.of(osv.readFile(path));
        }
        if (SecdbReader.isSecdbFile(path)) {
            return secdb.readFile(path);
        }
        throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot import " + path
                + ": unknown kind of file", "give an OSV .json file or .zip, an Alpine secdb .yaml file, a directory "
                + "of them, or a bundle from stella db export", Map.of("path", path.toString()), null);
    }

    /** A directory of secdb YAML, of OSV JSON, or of both (each kind becomes its own sources). */
    private List<ParsedSource> readDirectory(Path directory) {
        boolean hasJson;
        boolean hasYaml;
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            hasJson = regular.stream().anyMatch(p -> p.toString().endsWith(".json"));
            hasYaml = regular.stream().anyMatch(SecdbReader::isSecdbFile);
        } catch (java.io.IOException e) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot read " + directory + ": "
                    + e.getMessage(), "check the permissions", Map.of("path", directory.toString()), e);
        }
        if (!hasJson && !hasYaml) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot import " + directory
                    + ": it holds no *.json (OSV) or *.yaml (Alpine secdb) files", "check the path",
                    Map.of("path", directory.toString()), null);
        }
        List<ParsedSource> sources = new ArrayList<>();
        if (hasJson) {
            sources.add(osv.readDirectory(directory));
        }
        if (hasYaml) {
            sources.addAll(secdb.readDirectory(directory));
        }
        return sources;
    }

    private List<ImportReport> write(Path database, List<Timed> parsed) {
        List<ImportReport> reports = new ArrayList<>();
        try (DatabaseBuild build = DatabaseBuild.start(database)) {
            SourceWriter writer = new SourceWriter(build.connection());
            for (Timed timed : parsed) {
                long start = System.nanoTime();
                writer.replace(timed.source().data(), clock.instant());
                reports.add(report(timed.source(), timed.reading().plusNanos(System.nanoTime() - start)));
            }
            build.commit();
        } catch (SQLException e) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot write into " + database
                    + ": " + e.getMessage() + "; the previous database is unchanged",
                    "check free space, then import again", Map.of("path", database.toString()), e);
        }
        return reports;
    }

    private static ImportReport report(ParsedSource source, Duration duration) {
        Map<String, Long> perEcosystem = new TreeMap<>();
        int withdrawn = 0;
        for (ImportedAdvisory imported : source.data().advisories()) {
            imported.affected().stream().map(a -> a.ecosystem()).distinct()
                    .forEach(e -> perEcosystem.merge(e, 1L, Long::sum));
            if (imported.advisory().withdrawn() != null) {
                withdrawn++;
            }
        }
        return new ImportReport(source.data().name(), source.data().origin(), perEcosystem,
                source.data().advisories().size(), source.invalid(), source.gitRangesSkipped(), withdrawn,
                source.notAffectedSkipped(), duration);
    }
}
