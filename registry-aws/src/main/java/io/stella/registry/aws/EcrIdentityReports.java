package io.stella.registry.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Check;
import io.stella.registry.auth.provider.IdentityReport.Fact;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code iam-status} and {@code iam verify} for ECR. Verification tries the read-only calls a scan makes
 * (GetAuthorizationToken, DescribeRepositories, DescribeImages, BatchGetImage, GetDownloadUrlForLayer) rather
 * than simulating policies, so it also catches repository policies and SCPs a simulation would miss.
 */
final class EcrIdentityReports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MANIFEST_TYPES = List.of("application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final ProviderContext context;
    private final EcrSettings settings;
    private final EcrTarget entry;
    private final AwsSessions sessions;

    EcrIdentityReports(ProviderContext context) {
        this.context = context;
        this.settings = EcrSettings.of(context);
        this.entry = settings.entryTarget(context);
        this.sessions = new AwsSessions(context, settings, entry.region());
    }

    IdentityReport identity() {
        List<Fact> facts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        AwsIdentity identity = sessions.entry();
        GetCallerIdentityResponse caller = callerIdentity(identity);
        facts.add(new Fact("registry", entry.host()));
        facts.add(new Fact("region", entry.region()));
        entry.registryId().ifPresent(id -> facts.add(new Fact("registry_id", id)));
        facts.add(new Fact("account", caller.account()));
        facts.add(new Fact("arn", caller.arn()));
        facts.add(new Fact("user_id", caller.userId()));
        facts.add(new Fact("credential_source", identity.source()));
        facts.add(new Fact("roles_assumed", identity.rolesAssumed().isEmpty() ? "none"
                : String.join(" -> ", identity.rolesAssumed())));
        identity.expiresAt().ifPresent(at -> facts.add(new Fact("session_expires_at", at.toString())));
        try {
            ResolvedCredential token = EcrTokens.fetch(sessions.clients(), identity, entry);
            token.expiresAt().ifPresent(at -> facts.add(new Fact("token_expires_at", at.toString())));
            checks.add(new Check("ecr:GetAuthorizationToken", Status.PASS, "registry password issued"
                    + token.expiresAt().map(at -> ", valid until " + at).orElse("")));
        } catch (RegistryException e) {
            checks.add(failed("ecr:GetAuthorizationToken", e));
        }
        if (settings.organizationsMode()) {
            organization(facts, checks);
        }
        return new IdentityReport(facts, checks);
    }

    IdentityReport verify() {
        List<Fact> facts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        AwsIdentity identity;
        try {
            identity = sessions.entry();
            GetCallerIdentityResponse caller = callerIdentity(identity);
            facts.add(new Fact("arn", caller.arn()));
            facts.add(new Fact("credential_source", identity.describe()));
            checks.add(new Check("sts:GetCallerIdentity", Status.PASS, caller.arn()));
        } catch (RegistryException e) {
            checks.add(failed(settings.roleArn().isPresent() ? "sts:AssumeRole" : "sts:GetCallerIdentity", e));
            return new IdentityReport(facts, checks);
        }
        try {
            EcrTokens.fetch(sessions.clients(), identity, entry);
            checks.add(new Check("ecr:GetAuthorizationToken", Status.PASS, "registry password issued for " + entry.host()));
        } catch (RegistryException e) {
            checks.add(failed("ecr:GetAuthorizationToken", e));
        }
        readChecks(identity, checks);
        if (settings.organizationsMode()) {
            organization(facts, checks);
        }
        return new IdentityReport(facts, checks);
    }

    private void readChecks(AwsIdentity identity, List<Check> checks) {
        try (EcrClient ecr = sessions.clients().ecr(identity.credentials(), entry)) {
            List<String> repositories;
            try {
                repositories = EcrRepositories.names(ecr, identity, entry);
                checks.add(new Check("ecr:DescribeRepositories", Status.PASS, repositories.size() + " repositories"));
            } catch (RegistryException e) {
                checks.add(failed("ecr:DescribeRepositories", e));
                skip(checks, "ecr:DescribeImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
                return;
            }
            Optional<String> repository = repositories.stream().findFirst();
            if (repository.isEmpty()) {
                skip(checks, "ecr:DescribeImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
                return;
            }
            Optional<ImageDetail> image;
            try {
                image = ecr.describeImagesPaginator(r -> {
                    r.repositoryName(repository.get());
                    entry.registryId().ifPresent(r::registryId);
                }).imageDetails().stream().findFirst();
                checks.add(new Check("ecr:DescribeImages", Status.PASS, "on " + repository.get()));
            } catch (SdkException e) {
                checks.add(failed("ecr:DescribeImages", AwsFailures.classify(e, "ecr:DescribeImages", identity, entry.host())));
                skip(checks, "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
                return;
            }
            if (image.isEmpty()) {
                skip(checks, "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
                return;
            }
            Optional<String> layer;
            try {
                BatchGetImageResponse got = ecr.batchGetImage(r -> {
                    r.repositoryName(repository.get()).acceptedMediaTypes(MANIFEST_TYPES)
                            .imageIds(ImageIdentifier.builder().imageDigest(image.get().imageDigest()).build());
                    entry.registryId().ifPresent(r::registryId);
                });
                layer = got.images().stream().findFirst().flatMap(i -> firstLayer(i.imageManifest()));
                checks.add(new Check("ecr:BatchGetImage", Status.PASS, "manifest " + image.get().imageDigest() + " of "
                        + repository.get()));
            } catch (SdkException e) {
                checks.add(failed("ecr:BatchGetImage", AwsFailures.classify(e, "ecr:BatchGetImage", identity, entry.host())));
                skip(checks, "ecr:GetDownloadUrlForLayer");
                return;
            }
            if (layer.isEmpty()) {
                skip(checks, "ecr:GetDownloadUrlForLayer");
                return;
            }
            try {
                ecr.getDownloadUrlForLayer(r -> {
                    r.repositoryName(repository.get()).layerDigest(layer.get());
                    entry.registryId().ifPresent(r::registryId);
                });
                checks.add(new Check("ecr:GetDownloadUrlForLayer", Status.PASS, "layer " + layer.get()));
            } catch (SdkException e) {
                checks.add(failed("ecr:GetDownloadUrlForLayer",
                        AwsFailures.classify(e, "ecr:GetDownloadUrlForLayer", identity, entry.host())));
            }
        }
    }

    private void organization(List<Fact> facts, List<Check> checks) {
        OrganizationWalk walk;
        try {
            walk = new OrganizationWalker(sessions).walk();
        } catch (RegistryException e) {
            checks.add(failed("organizations walk", e));
            return;
        }
        facts.add(new Fact("organization_accounts", String.join(", ", walk.accounts())));
        facts.add(new Fact("organization_repositories", Integer.toString(walk.repositories().size())));
        for (String account : walk.accounts()) {
            List<OrganizationWalk.Failure> failed = walk.failures().stream().filter(f -> f.account().equals(account))
                    .toList();
            if (failed.isEmpty()) {
                checks.add(new Check("account " + account, Status.PASS, "walked"));
            }
            for (OrganizationWalk.Failure f : failed) {
                checks.add(failed("account " + account + f.region().map(r -> " in " + r).orElse(""), f.failure()));
            }
        }
    }

    private GetCallerIdentityResponse callerIdentity(AwsIdentity identity) {
        try (StsClient sts = sessions.clients().sts(identity.credentials(), entry.region())) {
            return sts.getCallerIdentity();
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "sts:GetCallerIdentity", identity, context.registry().hostKey());
        }
    }

    private static Optional<String> firstLayer(String manifest) {
        try {
            JsonNode layers = JSON.readTree(manifest).path("layers");
            return layers.isArray() && !layers.isEmpty() ? Optional.of(layers.get(0).path("digest").asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Check failed(String name, RegistryException e) {
        return new Check(name, Status.FAIL, e.code() + ": " + e.getMessage() + ". Fix: " + e.hint());
    }

    private static void skip(List<Check> checks, String... names) {
        for (String name : names) {
            checks.add(new Check(name, Status.SKIP, "nothing to try it on"));
        }
    }
}
