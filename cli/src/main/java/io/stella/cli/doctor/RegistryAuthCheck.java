package io.stella.cli.doctor;

import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.Scope;
import io.stella.registry.client.PingResult;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks a registry's access step by step, as a scan would use it: DNS, TCP, TLS, credentials, ping and
 * challenge, authentication, catalog, pull on a sample repository. The first failing step fails the check.
 */
public final class RegistryAuthCheck implements PerRegistryCheck {
    public static final String ID = "check.scanner.registry-auth";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "each registry: DNS, TCP, TLS, ping, challenge, credentials, catalog and pull on a sample repository";
    }

    @Override
    public CheckResult check(DoctorContext context, RegistryTarget target) {
        StepLog log = new StepLog();
        String step = "dns";
        try {
            log.ok(step, resolve(target));
            step = "tcp";
            log.ok(step, connect(target, context));
            step = "tls";
            tls(target, context, log);
            step = "credentials";
            RegistryClient client = context.registries().clientFor(target);
            var credential = client.session().credential();
            log.ok(step, credential.credential().kind() + " from " + credential.origin());
            step = "ping";
            PingResult ping = client.ping();
            log.ok(step, ping.base().resolve("/v2/") + " -> HTTP " + ping.status());
            log.ok("challenge", ping.preferredChallenge().map(Object::toString).orElse("none (open registry)"));
            step = "authenticate";
            client.authenticate();
            Optional<BearerToken> token = bearer(client) ? client.session().tokenFor(Optional.empty()) : Optional.empty();
            log.ok(step, "method " + client.session().authScheme()
                    + token.map(t -> ", token lifetime " + t.lifetime().toSeconds() + " s").orElse(""));
            step = "catalog";
            Optional<String> sample = target.config().listedRepositories().flatMap(l -> l.stream().findFirst());
            RegistryException catalogDenied = null;
            try {
                List<String> repositories = client.catalog(100);
                log.ok(step, repositories.size() + " repositories" + (repositories.size() >= 100 ? " or more" : ""));
                if (sample.isEmpty()) {
                    sample = repositories.stream().findFirst();
                }
            } catch (RegistryException e) {
                if (e.code() != FailureCode.CATALOG_DENIED) {
                    throw e;
                }
                if (target.config().listedRepositories().isPresent()) {
                    log.ok(step, "denied (" + e.getMessage() + "), not needed: the config lists the repositories");
                } else {
                    catalogDenied = e;
                    log.warn(step, e.code() + ": " + e.getMessage());
                }
            }
            step = "pull";
            if (sample.isPresent()) {
                String repository = sample.get();
                List<String> tags = client.tags(repository);
                Optional<BearerToken> pullToken = bearer(client)
                        ? client.session().tokenFor(Optional.of(Scope.pull(repository))) : Optional.empty();
                log.ok(step, repository + ": " + tags.size() + " tag(s)"
                        + pullToken.flatMap(BearerToken::granted).map(g -> ", granted " + g).orElse(""));
            } else {
                log.skipped(step, "no sample repository: none listed under repositories: and the catalog gave none");
            }
            if (catalogDenied != null) {
                var evidence = log.evidence();
                evidence.put("code", catalogDenied.code().name());
                return new CheckResult(ID, target.subject(), CheckResult.Status.WARN,
                        "access works, but the catalog is denied: a registry scan cannot discover repositories",
                        evidence, catalogDenied.hint() + " Or list them under repositories: for this registry.");
            }
            String scheme = client.session().authScheme();
            return CheckResult.pass(ID, target.subject(), "every step passed ("
                    + (scheme.equals("none") ? "open registry" : scheme + " auth") + ")", log.evidence());
        } catch (RegistryException e) {
            return log.fail(ID, target.subject(), step, e);
        }
    }

    private static String resolve(RegistryTarget target) {
        try {
            return Arrays.stream(InetAddress.getAllByName(target.host()))
                    .map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", "));
        } catch (UnknownHostException e) {
            throw ConnectionFailures.classify(e, target.endpoint().apiHost(), target.config().hostKey());
        }
    }

    private static String connect(RegistryTarget target, DoctorContext context) {
        try (Socket socket = new Socket()) {
            long start = System.nanoTime();
            socket.connect(new InetSocketAddress(target.host(), target.port()),
                    (int) Math.min(Integer.MAX_VALUE, context.timeout().toMillis()));
            return target.host() + ":" + target.port() + " connected in " + (System.nanoTime() - start) / 1_000_000 + " ms";
        } catch (IOException e) {
            throw ConnectionFailures.classify(e, "tcp://" + target.host() + ":" + target.port(), target.config().hostKey());
        }
    }

    private static void tls(RegistryTarget target, DoctorContext context, StepLog log) {
        if (target.explicitHttp()) {
            log.skipped("tls", "the url says http://");
            return;
        }
        TlsProbe.Result tls = TlsProbe.probe(target, context.registries().tlsFor(target.config()), context.timeout());
        if (tls.plainHttp() && target.plainHttpFallback()) {
            log.skipped("tls", "the server speaks plain HTTP (allowed: " + (target.loopback() ? "loopback" : "insecure") + ")");
            return;
        }
        if (tls.failure().isPresent()) {
            throw tls.failure().get();
        }
        log.ok("tls", "certificate " + tls.chain().getFirst().getSubjectX500Principal().getName() + " trusted");
    }

    private static boolean bearer(RegistryClient client) {
        return client.session().authScheme().equals("bearer")
                && !(client.session().credential().credential() instanceof Credential.RegistryToken);
    }
}
