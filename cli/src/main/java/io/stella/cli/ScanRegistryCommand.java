package io.stella.cli;

import io.stella.cli.output.AtomicOutput;
import io.stella.inventory.analysis.ImageAnalyzer;
import io.stella.inventory.spi.PackageAnalyzer;
import io.stella.registry.Platform;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.RequestLimit;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.ScanConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.ScanOptions;
import io.stella.scan.VulnerabilityScanner;
import io.stella.scan.registry.RegistryScanResult;
import io.stella.scan.registry.RegistryScanSettings;
import io.stella.scan.registry.RegistryScanner;
import io.stella.scan.registry.report.RegistryScanJsonWriter;
import io.stella.scan.registry.report.RegistryScanTableWriter;
import io.stella.scan.store.ResultsStore;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.version.VersionSchemes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Scan every image of a configured registry: discovery, metadata, filters, a pool of workers, "
                + "and a report that accounts for every image (Total = Success + Failed + Skipped).",
                "Results, inventories and layer analyses are kept in the results store, so a killed scan resumes "
                        + "and --rescan re-evaluates known images against the current database without pulling layers."})
final class ScanRegistryCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "NAME", description = "the registry's name (or host) in the config's registries: list")
    String name;

    @Option(names = "--rescan", description = "re-evaluate the images known from earlier scans: a manifest HEAD per tag, "
            + "layers pulled only for tags that moved")
    boolean rescan;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json on standard output (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "also write the JSON report to FILE")
    Path output;

    @Option(names = "--max-workers", paramLabel = "N", description = "images scanned at once (default: scan.max_workers, 5)")
    Integer maxWorkers;

    @Option(names = "--db", paramLabel = "FILE", description = "vulnerability database (default: vulndb.path, else $STELLA_HOME/db/stella.db)")
    Path db;

    @Option(names = "--max-db-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "older than this, the database is stale (default: vulndb.max_age, 7d)")
    Duration maxDbAge;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on a terminal, else log lines), bar, log or none")
    String progress;

    ScanRegistryCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean json = "json".equals(format);
        RegistryAccess access = new RegistryAccess(context, options, json);
        try {
            if (!json && !"table".equals(format)) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "--format " + format + " is not table or json")
                        .hint("Use --format table or --format json; --output FILE always writes JSON.").build();
            }
            StellaConfig config = access.loadConfig();
            RegistryConfig registry = find(config, name);
            ScanConfig scanConfig = config.scan();
            int workers = maxWorkers != null ? maxWorkers : scanConfig.maxWorkersOrDefault();
            if (workers < 1) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "--max-workers must be at least 1").build();
            }
            ProviderScanTargets.Plan plan = ProviderScanTargets.plan(registry, context.env(), rescan);
            int exit = ExitCodes.OK;
            for (ProviderScanTargets.Target target : plan.targets()) {
                plan.provider().ifPresent(provider -> context.err().println("registry " + target.registry().name() + ": "
                        + target.registry().listedRepositories().orElse(List.of()).size()
                        + " repositories listed by the " + provider + " provider"));
                exit = Math.max(exit, scanTarget(access, config, target.registry(), target.pushedAt(), workers));
            }
            for (var failure : plan.failures()) {
                // a part of the cloud that could not be listed is a failure, never an empty part
                access.noteFailure(failure.failure());
                context.err().println("FAILED " + failure.scope() + " of " + registry.name() + ": " + failure.failure().code()
                        + ": " + failure.failure().getMessage());
                context.err().println("  hint: " + failure.failure().hint());
                exit = Math.max(exit, ExitCodes.FAILURE);
            }
            if (plan.targets().isEmpty()) {
                context.err().println("INCOMPLETE: the " + plan.provider().orElse("cloud") + " provider could list no "
                        + "registry of " + registry.name() + ": nothing was scanned.");
                return ExitCodes.INCOMPLETE;
            }
            return exit;
        } catch (VulnDbException e) {
            return access.fail(VulnDbAccess.asFailure(e));
        } catch (RegistryException e) {
            return access.fail(e);
        } catch (IOException e) {
            return Failures.io(context, e);
        }
    }

    private int scanTarget(RegistryAccess access, StellaConfig config, RegistryConfig registry,
                           java.util.Map<String, java.time.Instant> pushedAt, int workers)
            throws IOException, VulnDbException {
        boolean json = "json".equals(format);
        {
            ScanConfig scanConfig = config.scan();
            RequestLimit limit = RequestLimit.of(scanConfig.maxConcurrentRequestsPerRegistryOrDefault());
            Endpoint endpoint = new Endpoint(registry.hostKey(), Endpoint.parse(registry.url().text(), false).apiHost(),
                    registry.explicitHttp() ? Optional.of("http") : Optional.empty(), registry.tls().insecureSkipVerify());
            RegistryClient client = access.clientFor(endpoint, Optional.empty(), limit);
            Duration maxAge = maxDbAge != null ? maxDbAge : config.vulndb().maxAgeOrDefault();
            Clock clock = Clock.systemUTC();
            RegistryScanSettings settings = RegistryScanSettings.defaults(io.stella.inventory.analysis.AnalysisOptions.DEFAULT)
                    .withWorkers(workers, scanConfig.timeoutPerImageOrDefault(),
                            Math.max(workers, scanConfig.maxConcurrentRequestsPerRegistryOrDefault()))
                    .withPlatform(Optional.ofNullable(options.platform).map(Platform::parse));
            ScanProgress listener = new ScanProgress(context.err(), progressOnTerminal(), Duration.ofSeconds(10), clock);
            RegistryScanResult result;
            try (VulnerabilityStore vulndb = VulnDbAccess.openForScan(
                    VulnerabilityScanRun.databasePath(context, db, config));
                 ResultsStore store = ResultsStores.open(config, context.env())) {
                VulnerabilityScanner scanner = new VulnerabilityScanner(vulndb, VersionSchemes.installed(),
                        new ScanOptions(maxAge, clock));
                ImageAnalyzer analyzer = ImageAnalyzer.withInstalledAnalyzers(settings.analysis());
                RegistryScanner registryScanner = new RegistryScanner(store, scanner, analyzer, analyzerVersion(), settings,
                        new ScanEventLog("none".equals(progress) ? quiet(listener) : listener, registry.name()));
                result = rescan ? registryScanner.rescan(registry, client)
                        : registryScanner.scan(registry, client, RegistryScanner.vendorOptions(registry, context.env()),
                        pushedAt);
            }
            alertOnAuthentication(access, registry, result);
            if (output != null) {
                AtomicOutput.write(output, context.out(), out -> RegistryScanJsonWriter.write(result, out));
                context.err().println("report written as json to " + output);
            }
            if (json) {
                AtomicOutput.write(null, context.out(), out -> RegistryScanJsonWriter.write(result, out));
            } else {
                RegistryScanTableWriter.write(result, context.out());
            }
            context.err().flush();
            if (result.totals().total() == 0) {
                // An empty registry scanned is not a clean one: nothing was checked.
                context.err().println("INCOMPLETE: no image was found in registry " + result.registry() + " (repositories "
                        + "from " + result.discoveredBy() + "): nothing was scanned. Check the credentials' catalog or "
                        + "project access, or list the repositories under repositories: in the config.");
                context.err().flush();
                return ExitCodes.INCOMPLETE;
            }
            return result.anyFailed() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** Images failed for authentication raise the registry's auth alert; a clean authentication resolves it. */
    private static void alertOnAuthentication(RegistryAccess access, RegistryConfig registry, RegistryScanResult result) {
        java.util.Optional<io.stella.scan.store.ImageRecord> authFailure = result.records().stream()
                .filter(r -> r.failureCode() != null && r.failureCode().startsWith("AUTH_")).findFirst();
        if (authFailure.isPresent()) {
            io.stella.scan.store.ImageRecord r = authFailure.get();
            FailureCode code = FailureCode.valueOf(r.failureCode());
            access.noteFailure(RegistryException.builder(code, r.failureMessage()).hint(code.defaultHint())
                    .registry(result.host()).repository(r.repository()).build());
        } else if (result.totals().success() > 0) {
            access.authenticated(result.host());
        }
    }

    private boolean progressOnTerminal() {
        return switch (progress) {
            case "bar" -> true;
            case "log", "none" -> false;
            case "auto" -> Terminals.isTerminal(Terminals.STDERR);
            default -> throw RegistryException.builder(FailureCode.CONFIG_INVALID, "--progress " + progress + " is not auto, bar, log or none")
                    .hint("Use --progress auto, bar, log or none.").build();
        };
    }

    private static io.stella.scan.registry.ScanListener quiet(ScanProgress logOnly) {
        return new io.stella.scan.registry.ScanListener() {
            @Override
            public void log(io.stella.scan.registry.ScanPhase phase, String message) {
                logOnly.log(phase, message);
            }

            @Override
            public void progress(io.stella.scan.registry.ScanPhase phase, int done, int total, int failed) {
            }
        };
    }

    /** The inventories and layer analyses of another stella version or analyzer set are not reused. */
    private static String analyzerVersion() {
        return "stella-" + StellaVersion.VERSION + ":" + ImageAnalyzer.installedAnalyzers().stream()
                .map(PackageAnalyzer::name).collect(Collectors.joining(","));
    }

    static RegistryConfig find(StellaConfig config, String name) {
        return config.registries().stream().filter(r -> r.name().equals(name)).findFirst()
                .or(() -> config.forHost(name))
                .orElseThrow(() -> RegistryException.builder(FailureCode.CONFIG_INVALID,
                                "no registry named '" + name + "' in " + config.source().map(Path::toString).orElse("the config (none found)"))
                        .hint(config.registries().isEmpty()
                                ? "Add it under registries: in $STELLA_HOME/config.yaml (or --config FILE), with name and url."
                                : "Configured registries: " + config.registries().stream().map(RegistryConfig::name)
                                .collect(Collectors.joining(", ")) + ".")
                        .build());
    }
}
