package io.stella.cli;

import io.stella.cli.output.FailurePrinter;
import io.stella.cli.output.Json;
import io.stella.cli.output.TraceStreamer;
import io.stella.registry.Secret;
import io.stella.cli.lifecycle.CredentialStateFile;
import io.stella.cli.lifecycle.CredentialStateRecorder;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.RefreshPolicy;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.sources.CredentialResolver;
import io.stella.registry.auth.sources.ExplicitCredentialSource;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.trace.Trace;
import io.stella.registry.trace.TraceEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the common options into a {@link RegistryClient}: config, credential chain, TLS, timeouts and
 * the verbose trace; and prints failures the same way for every command.
 */
final class RegistryAccess {
    private final Context context;
    private final CommonOptions options;
    private final Trace trace = new Trace(Clock.systemUTC());
    private CredentialResolver resolver;
    private io.stella.cli.alerts.Alerts alerts;
    private final boolean json;

    RegistryAccess(Context context, CommonOptions options, boolean json) {
        this.context = context;
        this.options = options;
        this.json = json;
        if (options.verbose) {
            trace.onEvent(new TraceStreamer(context.err()));
        }
    }

    /**
     * @param explicitFor the registry the explicit --username applies to (the image's), if any
     */
    RegistryClient clientFor(Endpoint endpoint, Optional<String> explicitFor) {
        return clientFor(endpoint, explicitFor, io.stella.registry.client.RequestLimit.NONE);
    }

    /** A client whose requests share {@code limit} (a registry scan's per-registry cap). */
    RegistryClient clientFor(Endpoint endpoint, Optional<String> explicitFor, io.stella.registry.client.RequestLimit limit) {
        return clientFor(loadConfig(), endpoint, explicitFor, limit, Optional.empty());
    }

    /**
     * A client for a configured registry; {@code credential}, when given, is used instead of the credential chain
     * (credentials about to be saved, checked first).
     */
    RegistryClient clientFor(StellaConfig config, RegistryConfig registry, Optional<ResolvedCredential> credential) {
        Endpoint endpoint = new Endpoint(registry.hostKey(), Endpoint.parse(registry.url().text(), false).apiHost(),
                registry.explicitHttp() ? Optional.of("http") : Optional.empty(), registry.tls().insecureSkipVerify());
        return clientFor(config, endpoint, Optional.empty(), io.stella.registry.client.RequestLimit.NONE, credential);
    }

    private RegistryClient clientFor(StellaConfig config, Endpoint endpoint, Optional<String> explicitFor,
                                     io.stella.registry.client.RequestLimit limit, Optional<ResolvedCredential> override) {
        Optional<RegistryConfig> entry = config.forHost(endpoint.registry());
        boolean insecure = options.insecureSkipVerify || entry.map(e -> e.tls().insecureSkipVerify()).orElse(false);
        if (insecure) {
            context.err().println("warning: TLS verification is off for " + endpoint.registry()
                    + " (--insecure-skip-verify); the connection can be intercepted.");
        }
        CredentialLease lease;
        if (override.isPresent()) {
            lease = CredentialLease.fixed(override.get());
        } else {
            resolver = credentialResolver(config, endpoint, explicitFor);
            RefreshPolicy policy = entry.map(RefreshPolicy::of).orElse(RefreshPolicy.DEFAULT);
            lease = resolver.lease(endpoint.registry(), policy, Clock.systemUTC(), recorder(endpoint.registry()));
        }
        ResolvedCredential credential = lease.peek();
        if (!(credential.origin().source().startsWith("cloud:") && lease.policy().auto())) {
            // a cloud provider's short-lived credentials are renewed before they expire: no alert for those
            noteExpiry(endpoint.registry(), credential);
        }
        trace.record(TraceEvent.Kind.CREDENTIAL, "credential for " + endpoint.registry() + ": "
                + credential.credential().kind() + " from " + credential.origin());
        NetworkSettings network = options.timeout().or(() -> entry.flatMap(RegistryConfig::timeoutDuration))
                .map(NetworkSettings.DEFAULT::withTimeout).orElse(NetworkSettings.DEFAULT);
        Endpoint effective = new Endpoint(endpoint.registry(), endpoint.apiHost(),
                endpoint.explicitScheme().or(() -> entry.filter(RegistryConfig::explicitHttp).map(e -> "http")),
                insecure);
        return RegistryClient.builder(effective)
                .credential(lease)
                .tls(tlsFor(entry))
                .network(network)
                .environment(context.env())
                .trace(trace)
                .requestLimit(limit)
                .vendor(entry.map(RegistryConfig::type).orElse(io.stella.registry.config.RegistryType.GENERIC))
                .build();
    }

    /** The trust for a registry: its config entry's {@code tls.ca_cert}, {@code --ca-cert} and insecure settings. */
    TlsSettings tlsFor(Optional<RegistryConfig> entry) {
        List<Path> cas = new ArrayList<>();
        entry.flatMap(e -> e.tls().caCertPath()).ifPresent(cas::add);
        if (options.caCert != null) {
            cas.add(options.caCert);
        }
        return new TlsSettings(cas, options.insecureSkipVerify || entry.map(e -> e.tls().insecureSkipVerify()).orElse(false));
    }

    StellaConfig loadConfig() {
        StellaConfigLoader loader = new StellaConfigLoader();
        return options.config != null ? loader.load(options.config) : loader.loadDefault(context.env());
    }

    /** The standard credential chain for a configured registry, without command-line credentials. */
    CredentialResolver configuredResolver(StellaConfig config) {
        Path home = Path.of(context.env().getOrDefault("HOME", System.getProperty("user.home")));
        resolver = CredentialResolver.standard(Optional.empty(), config, Optional.ofNullable(options.authFile),
                context.env(), home);
        return resolver;
    }

    private CredentialResolver credentialResolver(StellaConfig config, Endpoint endpoint, Optional<String> explicitFor) {
        Optional<ExplicitCredentialSource> explicit = Optional.empty();
        if (options.username != null) {
            Secret password = password();
            explicit = Optional.of(new ExplicitCredentialSource(explicitFor.orElse(endpoint.registry()), options.username,
                    password, options.passwordStdin ? "--username/--password-stdin" : "--username/--password"));
        } else if (options.password != null || options.passwordStdin) {
            throw usage("--password and --password-stdin need --username");
        }
        Path home = Path.of(context.env().getOrDefault("HOME", System.getProperty("user.home")));
        return CredentialResolver.standard(explicit, config, Optional.ofNullable(options.authFile), context.env(), home);
    }

    private Secret password() {
        if (options.passwordStdin && options.password != null) {
            throw usage("give either --password or --password-stdin, not both");
        }
        if (options.passwordStdin) {
            try {
                String text = new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
                String value = text.strip();
                if (value.isEmpty()) {
                    throw usage("--password-stdin read nothing from standard input");
                }
                return Secret.of(value);
            } catch (IOException e) {
                throw usage("cannot read the password from standard input: " + e.getMessage());
            }
        }
        if (options.password != null) {
            context.err().println("warning: --password puts the password in shell history and process listings; "
                    + "use --password-stdin.");
            return Secret.of(options.password);
        }
        throw usage("--username needs --password-stdin (or --password)");
    }

    private static RegistryException usage(String message) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, message)
                .hint("e.g. echo \"$TOKEN\" | stella … --username USER --password-stdin").build();
    }

    /** The failure with what only the CLI knows added: for AUTH_NO_CREDENTIALS, the credential sources searched. */
    RegistryException explain(RegistryException e) {
        if (e.code() == FailureCode.AUTH_NO_CREDENTIALS && resolver != null) {
            return e.withContext(e.registry(), e.repository(),
                    java.util.Map.of("credential_sources_searched", String.join("; ", resolver.describeSources())));
        }
        return e;
    }

    /** The alerts of this stella home, made on first use. */
    io.stella.cli.alerts.Alerts alerts() {
        if (alerts == null) {
            io.stella.registry.config.AlertsConfig config;
            try {
                config = loadConfig().alerts();
            } catch (RegistryException e) {
                config = io.stella.registry.config.AlertsConfig.NONE; // the command reports the config itself
            }
            alerts = io.stella.cli.alerts.Alerts.of(StellaConfigLoader.stellaHome(context.env()), config,
                    warning -> context.err().println("warning: " + warning));
        }
        return alerts;
    }

    /** A credential that expires within a day raises ScannerCredentialExpiringSoon; a fresh one resolves it. */
    private void noteExpiry(String registry, ResolvedCredential credential) {
        io.stella.registry.auth.CredentialExpiry.of(credential.credential()).ifPresent(expiry -> {
            java.time.Duration left = java.time.Duration.between(java.time.Instant.now(), expiry);
            if (left.compareTo(java.time.Duration.ofHours(24)) < 0) {
                alerts().credentialExpiringSoon(registry, "the credential from " + credential.origin()
                                + (left.isNegative() ? " expired at " : " expires at ") + expiry,
                        "Renew it and update it where it comes from (" + credential.origin() + ").");
            } else {
                alerts().credentialFresh(registry);
            }
        });
    }

    /** The registry accepted the credentials: an auth alert that fired for it is resolved. */
    void authenticated(String registry) {
        alerts().registryAuthenticated(registry);
        recorder(registry).succeeded(java.time.Instant.now());
    }

    /** An authentication failure raises the registry's auth alert and is recorded; other failures raise nothing. */
    void noteFailure(RegistryException e) {
        if (e.code().name().startsWith("AUTH_") && e.registry() != null) {
            alerts().registryAuthFailed(e.registry(), e);
            recorder(e.registry()).failed(e, java.time.Instant.now());
        }
    }

    /** Where this stella home records the credential lifecycle of {@code registry}. */
    CredentialStateRecorder recorder(String registry) {
        return new CredentialStateRecorder(credentialStates(), registry, CredentialDescription::type,
                warning -> context.err().println("warning: " + warning));
    }

    CredentialStateFile credentialStates() {
        return CredentialStateFile.in(StellaConfigLoader.stellaHome(context.env()));
    }

    /** Prints the failure and returns the exit code for it. */
    int fail(RegistryException e) {
        noteFailure(e);
        RegistryException shown = explain(e);
        FailureLog.log(shown);
        if (json) {
            Json.print(FailurePrinter.json(shown), context.out());
        } else {
            FailurePrinter.printText(shown, context.err(), true);
        }
        return ExitCodes.of(e.code());
    }
}
