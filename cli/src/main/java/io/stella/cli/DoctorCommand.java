package io.stella.cli;

import io.stella.cli.doctor.CheckResult;
import io.stella.cli.doctor.DoctorCheck;
import io.stella.cli.doctor.DoctorChecks;
import io.stella.cli.doctor.DoctorContext;
import io.stella.cli.doctor.DoctorReport;
import io.stella.cli.doctor.RegistryAccessor;
import io.stella.cli.doctor.RegistryTarget;
import io.stella.registry.auth.sources.DockerConfigCredentialSource;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.TlsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that this host can scan: registry access, TLS, credential expiry, credential helpers, "
                + "clock skew, vulnerability database freshness and the results store. Each check reports pass, warn, "
                + "fail or skip with its evidence and the fix.",
                "Exit status: 0 when nothing warns or fails, 10 when the worst result is a warning, 11 when a check fails."})
final class DoctorCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    OutputOptions output;

    @Option(names = "--check", paramLabel = "ID", description = "run only this check (repeatable); ids: see --list")
    List<String> checks = new ArrayList<>();

    @Option(names = "--list", description = "list the checks and exit")
    boolean list;

    @Option(names = {"-v", "--verbose"}, description = "print the evidence of every result, not only of warnings and failures")
    boolean verbose;

    @Option(names = "--config", paramLabel = "FILE",
            description = "stella config file (default: $STELLA_HOME/config.yaml, STELLA_HOME=~/.stella)")
    Path config;

    @Option(names = "--auth-file", paramLabel = "FILE",
            description = "docker/podman credential file to use instead of the defaults")
    Path authFile;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM CA bundle to trust for every registry")
    Path caCert;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "network timeout of each probe, e.g. 5s (default 10s)")
    Duration timeout;

    DoctorCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (list) {
            DoctorChecks.all().forEach(c -> context.out().printf("%-34s %s%n", c.id(), c.description()));
            context.out().flush();
            return ExitCodes.OK;
        }
        List<DoctorCheck> selected = selected();
        if (selected == null) {
            return ExitCodes.USAGE;
        }
        CommonOptions options = commonOptions();
        RegistryAccess access = new RegistryAccess(context, options, output.json());
        StellaConfig stella;
        try {
            stella = access.loadConfig();
        } catch (RegistryException e) {
            return access.fail(e);
        }
        Path home = Path.of(context.env().getOrDefault("HOME", System.getProperty("user.home")));
        DoctorContext doctor = new DoctorContext(stella, context.env(), Clock.systemUTC(),
                options.timeout().orElse(NetworkSettings.DEFAULT.connectTimeout()), accessor(access),
                DockerConfigCredentialSource.candidateFiles(Optional.ofNullable(authFile), context.env(), home),
                VulnerabilityScanRun.databasePath(context, null, stella),
                () -> ResultsStores.open(stella, context.env()));
        List<CheckResult> results = DoctorChecks.run(selected, doctor);
        if (output.json()) {
            DoctorReport.json(results, context.out());
        } else {
            DoctorReport.table(results, verbose, context.out());
        }
        return switch (DoctorChecks.worst(results)) {
            case PASS, SKIP -> ExitCodes.OK;
            case WARN -> ExitCodes.DOCTOR_WARN;
            case FAIL -> ExitCodes.DOCTOR_FAIL;
        };
    }

    /** The checks --check names, in the standard order; null (after a usage error) for an unknown id. */
    private List<DoctorCheck> selected() {
        if (checks.isEmpty()) {
            return DoctorChecks.all();
        }
        List<String> unknown = checks.stream().filter(id -> DoctorChecks.byId(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            context.err().println("INVALID_USAGE: unknown check " + String.join(", ", unknown) + "; known checks: "
                    + String.join(", ", DoctorChecks.ids()));
            context.err().println("hint: run 'stella doctor --list' for what each check does.");
            context.err().flush();
            return null;
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>(checks);
        return DoctorChecks.all().stream().filter(c -> wanted.contains(c.id())).toList();
    }

    private CommonOptions commonOptions() {
        CommonOptions options = new CommonOptions();
        options.config = config;
        options.authFile = authFile;
        options.caCert = caCert;
        options.timeout = timeout;
        return options;
    }

    private static RegistryAccessor accessor(RegistryAccess access) {
        return new RegistryAccessor() {
            @Override
            public RegistryClient clientFor(RegistryTarget target) {
                return access.clientFor(target.endpoint(), Optional.empty());
            }

            @Override
            public TlsSettings tlsFor(RegistryConfig registry) {
                return access.tlsFor(Optional.of(registry));
            }
        };
    }
}
