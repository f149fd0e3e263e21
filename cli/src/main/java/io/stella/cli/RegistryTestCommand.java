package io.stella.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.cli.output.Json;
import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.Scope;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.PingResult;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Test access to a registry: ping, challenge, authentication, catalog and (with --repository) "
                + "pull access. --verbose prints every step, secrets redacted."})
final class RegistryTestCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    CommonOptions options;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "REGISTRY_URL", description = "registry URL or host[:port]")
    String url;

    @Option(names = {"-r", "--repository"}, paramLabel = "REPO", description = "also test pull access to this repository")
    String repository;

    RegistryTestCommand(Context context) {
        this.context = context;
    }

    /** One line of the report. */
    private record Step(String name, String status, String detail) {
    }

    @Override
    public Integer call() {
        RegistryAccess access = new RegistryAccess(context, options, output.json());
        List<Step> steps = new ArrayList<>();
        RegistryClient client = null;
        try {
            Endpoint endpoint = parseUrl();
            client = access.clientFor(endpoint, Optional.of(endpoint.registry()));
            PingResult ping = client.ping();
            steps.add(new Step("ping", "ok", ping.base().resolve("/v2/") + " -> HTTP " + ping.status()
                    + ping.apiVersion().map(v -> " (" + v + ")").orElse("")));
            steps.add(new Step("challenge", "ok", ping.preferredChallenge().map(Object::toString).orElse("none (open registry)")));
            steps.add(new Step("credentials", "ok", client.session().credential().credential().kind() + " from "
                    + client.session().credential().origin()));
            client.authenticate();
            access.authenticated(endpoint.registry());
            Optional<BearerToken> token = bearer(client) ? client.session().tokenFor(Optional.empty()) : Optional.empty();
            steps.add(new Step("authenticate", "ok", "method " + client.session().authScheme()
                    + token.map(t -> ", token lifetime " + t.lifetime().toSeconds() + " s").orElse("")
                    + ", token requests " + client.tokenRequests()));
            try {
                List<String> repositories = client.catalog(100);
                steps.add(new Step("catalog", "ok", repositories.size() + " repositories"));
            } catch (RegistryException e) {
                if (e.code() != FailureCode.CATALOG_DENIED) {
                    throw e;
                }
                steps.add(new Step("catalog", "warning", e.code() + ": " + e.getMessage()
                        + " (scans of this registry need an explicit repository list)"));
            }
            if (repository != null) {
                List<String> tags = client.tags(repository);
                Optional<BearerToken> pullToken = bearer(client)
                        ? client.session().tokenFor(Optional.of(Scope.pull(repository))) : Optional.empty();
                steps.add(new Step("pull access", "ok", repository + ": " + tags.size() + " tag(s)"
                        + pullToken.flatMap(t -> t.granted()).map(g -> ", granted " + g).orElse("")));
                if (!tags.isEmpty()) {
                    // a manifest HEAD is where Docker Hub reports the pull rate limit (and does not count it)
                    client.manifestDigest(repository, tags.getFirst());
                }
            }
            client.rateLimit().ifPresent(limit -> steps.add(new Step("rate limit", limit.exhausted() ? "warning" : "ok",
                    limit.describe())));
            report(steps, null, client);
            return ExitCodes.OK;
        } catch (RegistryException e) {
            if (output.json()) {
                ObjectNode failure = io.stella.cli.output.FailurePrinter.json(access.explain(e));
                FailureLog.log(access.explain(e));
                failure.set("steps", stepsJson(steps));
                access.noteFailure(e);
                Json.print(failure, context.out());
                return ExitCodes.of(e.code());
            }
            report(steps, e, client);
            return access.fail(e);
        }
    }

    /** The registry URL; a bad one gets a hint about URLs, not the generic one about image references. */
    private Endpoint parseUrl() {
        try {
            return Endpoint.parse(url, options.insecureSkipVerify);
        } catch (RegistryException e) {
            if (e.code() != FailureCode.INVALID_REFERENCE) {
                throw e;
            }
            throw e.toBuilder()
                    .hint("Give the registry as https://host[:port] or host[:port], e.g. https://harbor.example.com "
                            + "or 127.0.0.1:5000 (a path after the host is ignored).")
                    .evidence("registry_url", url)
                    .build();
        }
    }

    private static boolean bearer(RegistryClient client) {
        return client.session().authScheme().equals("bearer")
                && !(client.session().credential().credential() instanceof Credential.RegistryToken);
    }

    private void report(List<Step> steps, RegistryException failure, RegistryClient client) {
        if (output.json()) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("status", "ok");
            root.put("registry", client.session().endpoint().registry());
            root.set("steps", stepsJson(steps));
            root.put("token_requests", client.tokenRequests());
            Json.print(root, context.out());
            return;
        }
        var out = context.out();
        out.println("Registry test: " + url);
        for (Step s : steps) {
            out.printf("  %-13s %-8s %s%n", s.name(), s.status().toUpperCase(java.util.Locale.ROOT), s.detail());
        }
        out.println(failure == null ? "Result: OK" : "Result: FAILED (" + failure.code() + ")");
        out.flush();
    }

    private ArrayNode stepsJson(List<Step> steps) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Step s : steps) {
            ObjectNode node = array.addObject();
            node.put("step", s.name());
            node.put("status", s.status());
            node.put("detail", s.detail());
        }
        return array;
    }
}
