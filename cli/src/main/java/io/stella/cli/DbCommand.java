package io.stella.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.FailurePrinter;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.failure.RegistryException;
import io.stella.vulndb.ImportReport;
import io.stella.vulndb.InvalidRecord;
import io.stella.vulndb.Staleness;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stella db}: the vulnerability database. Subcommands are methods, so they share this command's Context. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Manage the vulnerability database.")
final class DbCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Context context;

    @Spec
    CommandSpec spec;

    DbCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.err().println("INVALID_USAGE: 'stella db' needs a subcommand.");
        spec.commandLine().usage(context.err());
        context.err().flush();
        return ExitCodes.USAGE;
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Download OSV data (osv.dev per-ecosystem all.zip by default) and import it atomically.")
    int update(@Option(names = "--source", paramLabel = "URL", description = "an all.zip URL (repeatable)")
               List<URI> sources,
               @Option(names = "--db", paramLabel = "PATH", description = "database file") Path db) {
        return run(() -> {
            List<ImportReport> reports = open(db).update(sources == null ? List.of() : sources, new DownloadProgress(context.err()));
            printReports(reports);
            return 0;
        });
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import OSV JSON/zip, Alpine secdb YAML, directories of them, or a bundle from db export.")
    int importPaths(@Parameters(arity = "1..*", paramLabel = "PATH") List<Path> paths,
                    @Option(names = "--db", paramLabel = "PATH", description = "database file") Path db) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                return fail(VulnDbAccess.asFailure(new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED,
                        "cannot import " + path + ": it does not exist", "Check the path.",
                        java.util.Map.of("path", path.toString()), null)));
            }
        }
        return run(() -> {
            printReports(open(db).importPaths(paths));
            return 0;
        });
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write an offline bundle (database + manifest with sha256 of every part).")
    int export(@Parameters(paramLabel = "FILE") Path file,
               @Option(names = "--db", paramLabel = "PATH", description = "database file") Path db) {
        return run(() -> {
            var manifest = open(db).exportBundle(file);
            context.out().println("Wrote " + file + " (" + manifest.sources().size() + " sources)");
            return 0;
        });
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the sources and their age.")
    int status(@Option(names = "--format", defaultValue = "table", description = "table or json") String format,
               @Option(names = "--max-age", paramLabel = "AGE", converter = DurationConverter.class,
                       description = "older than this is stale, e.g. 7d, 12h (default: vulndb.max_age of the config, "
                               + "else 7d)") Duration maxAge,
               @Option(names = "--db", paramLabel = "PATH", description = "database file") Path db) {
        if (!(format.equals("table") || format.equals("json"))) {
            context.err().println("INVALID_USAGE: --format takes table or json");
            context.err().flush();
            return ExitCodes.USAGE;
        }
        Duration maximum = maxAge != null ? maxAge : config().vulndb().maxAgeOrDefault();
        return run(() -> {
            VulnDatabase database = open(db);
            DatabaseStatus status = database.status();
            Staleness.Verdict verdict = database.staleness(maximum);
            if (format.equals("json")) {
                ObjectNode root = JSON.createObjectNode();
                root.put("location", status.location());
                root.put("built_at", String.valueOf(status.builtAt()));
                root.put("stale", verdict.stale());
                root.put("age_seconds", verdict.age().toSeconds());
                if (verdict.message() != null) {
                    root.put("message", verdict.message());
                }
                ArrayNode sources = root.putArray("sources");
                for (SourceStatus s : status.sources()) {
                    ObjectNode node = sources.addObject();
                    node.put("name", s.name());
                    node.put("origin", s.origin());
                    node.put("imported_at", s.importedAt().toString());
                    node.put("newest_record", String.valueOf(s.newestRecord()));
                    node.put("sha256", s.sha256());
                    node.putPOJO("records", s.records());
                }
                context.out().println(JSON.writeValueAsString(root));
            } else {
                context.out().println("Database: " + status.location() + " (built " + status.builtAt() + ")");
                context.out().printf("  %-30s %-26s %8s  %s%n", "SOURCE", "IMPORTED", "RECORDS", "ECOSYSTEMS");
                for (SourceStatus s : status.sources()) {
                    context.out().printf("  %-30s %-26s %8d  %s%n", s.name(), s.importedAt(), s.totalRecords(),
                            String.join(", ", new java.util.TreeSet<>(s.records().keySet())));
                }
                context.out().println(verdict.stale() ? "STALE: " + verdict.message() : "Fresh.");
            }
            return 0; // stale is reported, not a failure: scan decides what staleness means for its verdict
        });
    }

    private VulnDatabase open(Path db) {
        return VulnDatabase.open(VulnerabilityScanRun.databasePath(context, db, config()));
    }

    private StellaConfig config() {
        return new StellaConfigLoader().loadDefault(context.env());
    }

    private void printReports(List<ImportReport> reports) {
        for (ImportReport r : reports) {
            context.out().printf("%s: %d advisories from %s in %d ms%s%s%s%n", r.source(), r.advisories(), r.origin(),
                    r.duration().toMillis(),
                    r.withdrawn() > 0 ? ", " + r.withdrawn() + " withdrawn" : "",
                    r.gitRangesSkipped() > 0 ? ", " + r.gitRangesSkipped() + " GIT ranges skipped" : "",
                    r.notAffectedSkipped() > 0 ? ", " + r.notAffectedSkipped() + " not-affected entries" : "");
            for (InvalidRecord invalid : r.invalid()) {
                context.out().println("  invalid " + invalid.id() + " (" + invalid.location() + "): " + invalid.reason());
            }
        }
    }

    private int run(Callable<Integer> action) {
        try {
            return action.call();
        } catch (VulnDbException e) {
            return fail(VulnDbAccess.asFailure(e));
        } catch (RegistryException e) {
            return fail(e);
        } catch (java.io.IOException e) {
            return Failures.io(context, e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private int fail(RegistryException e) {
        FailureLog.log(e);
        FailurePrinter.printText(e, context.err(), true);
        return ExitCodes.of(e.code());
    }
}
