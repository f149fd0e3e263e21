package io.stella.registry.gcp;

import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Check;
import io.stella.registry.auth.provider.IdentityReport.Fact;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.gcp.wire.RepositoryJson;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code iam-status} (who the identity is, what token it gets) and {@code iam verify} (what it may do). */
final class IdentityReports {
    static final List<String> SCAN_PERMISSIONS = List.of(ArtifactRegistryApi.DOWNLOAD_ARTIFACTS,
            ArtifactRegistryApi.LIST_REPOSITORIES, ArtifactRegistryApi.LIST_DOCKER_IMAGES);
    /** Repositories whose permissions {@code iam verify} tests when none are configured. */
    private static final int MAX_TESTED = 10;

    private final AccessTokens tokens;

    IdentityReports(AccessTokens tokens) {
        this.tokens = tokens;
    }

    IdentityReport status(ProviderContext context) {
        GcpSettings settings = GcpSettings.of(context);
        GcpIdentity identity = IdentityLocator.require(context, settings);
        List<Fact> facts = facts(settings, identity);
        List<Check> checks = new ArrayList<>();
        token(context, identity, facts, checks);
        return new IdentityReport(facts, checks);
    }

    IdentityReport verify(ProviderContext context, HttpClient http) {
        GcpSettings settings = GcpSettings.of(context);
        GcpIdentity identity = IdentityLocator.require(context, settings);
        List<Fact> facts = facts(settings, identity);
        List<Check> checks = new ArrayList<>();
        Optional<GcpAccessToken> token = token(context, identity, facts, checks);
        if (token.isEmpty()) {
            return new IdentityReport(facts, checks);
        }
        Optional<GarTarget> target = GarTarget.of(context, settings, identity.project());
        if (target.isEmpty()) {
            checks.add(new Check("Artifact Registry permissions", Status.SKIP, context.registry().hostKey()
                    + " is a gcr.io host: pull access is checked by stella registry test"));
            return new IdentityReport(facts, checks);
        }
        facts.add(new Fact("location", target.get().location()));
        ArtifactRegistryApi api = new ArtifactRegistryApi(http, context, GcpEndpoints.of(context), token.get(),
                identity.principal());
        Set<String> repositories = new LinkedHashSet<>(configuredRepositories(context, target.get()));
        try {
            List<RepositoryJson> docker = GarDiscovery.dockerRepositories(api, target.get());
            checks.add(new Check(ArtifactRegistryApi.LIST_REPOSITORIES, Status.PASS, docker.size()
                    + " Docker repositories in " + target.get().parent()));
            if (repositories.isEmpty()) {
                docker.stream().limit(MAX_TESTED).map(RepositoryJson::name).forEach(repositories::add);
            }
        } catch (RegistryException e) {
            checks.add(failed(ArtifactRegistryApi.LIST_REPOSITORIES, e));
        }
        if (repositories.isEmpty()) {
            checks.add(new Check("repository permissions", Status.WARN, "no Docker repository to test in "
                    + target.get().parent() + "; list them in the registry's repositories: setting"));
        }
        for (String repository : repositories) {
            try {
                Set<String> held = Set.copyOf(api.testIamPermissions(repository, SCAN_PERMISSIONS));
                for (String permission : SCAN_PERMISSIONS) {
                    checks.add(held.contains(permission)
                            ? new Check(permission + " on " + repository, Status.PASS, "granted to " + identity.principal())
                            : new Check(permission + " on " + repository, Status.FAIL, "not granted to "
                                    + identity.principal() + ". Fix: grant roles/artifactregistry.reader: "
                                    + ArtifactRegistryFailures.grantCommand(repository, identity.principal())));
                }
            } catch (RegistryException e) {
                checks.add(failed("testIamPermissions on " + repository, e));
            }
        }
        return new IdentityReport(facts, checks);
    }

    private static List<Fact> facts(GcpSettings settings, GcpIdentity identity) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("credential type", identity.type()));
        facts.add(new Fact("credential source", identity.source()));
        facts.add(new Fact("principal", identity.principal()));
        if (identity instanceof GcpIdentity.CredentialFile file && file.json().privateKeyId() != null) {
            facts.add(new Fact("key id", file.json().privateKeyId()));
        }
        settings.project().or(identity::project).ifPresent(p -> facts.add(new Fact("project", p)));
        facts.add(new Fact("registry username", settings.jsonKeyMode() ? GcpCredentialProvider.JSON_KEY_USER
                : GcpCredentialProvider.TOKEN_USER));
        return facts;
    }

    private Optional<GcpAccessToken> token(ProviderContext context, GcpIdentity identity, List<Fact> facts,
                                           List<Check> checks) {
        try {
            GcpAccessToken token = tokens.mint(context, identity);
            String expiry = token.expiresAt().map(Object::toString).orElse("not stated");
            facts.add(new Fact("token expiry", expiry));
            checks.add(new Check("access token", Status.PASS, "obtained for " + identity.principal() + ", expires "
                    + expiry));
            return Optional.of(token);
        } catch (RegistryException e) {
            checks.add(failed("access token", e));
            return Optional.empty();
        }
    }

    static Check failed(String name, RegistryException e) {
        return new Check(name, Status.FAIL, e.code() + ": " + e.getMessage() + ". Fix: " + e.hint());
    }

    /** The Artifact Registry repositories of the entry's {@code repositories:} paths {@code <project>/<repo>/…}. */
    private static List<String> configuredRepositories(ProviderContext context, GarTarget target) {
        return context.registry().listedRepositories().orElse(List.of()).stream()
                .map(path -> path.split("/"))
                .filter(parts -> parts.length >= 2)
                .map(parts -> new GarTarget(parts[0], target.location()).repository(parts[1]))
                .distinct().toList();
    }
}
