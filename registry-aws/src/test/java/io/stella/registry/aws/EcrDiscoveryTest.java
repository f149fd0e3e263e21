package io.stella.registry.aws;

import static io.stella.registry.aws.Contexts.ACCOUNT;
import static io.stella.registry.aws.Contexts.HOST;
import static io.stella.registry.aws.Contexts.KEY_ID;
import static io.stella.registry.aws.Contexts.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery through DescribeRepositories/DescribeImages, iam-status and iam verify, against the stand-in. */
class EcrDiscoveryTest {
    static final Instant PUSHED_1 = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant PUSHED_2 = Instant.parse("2026-11-20T08:30:00Z");
    static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"digest\":\"sha256:c0\",\"size\":2},\"layers\":[{\"digest\":\"sha256:l1\",\"size\":3}]}";
    final EcrCredentialProvider provider = new EcrCredentialProvider();
    EcrApiStandIn aws;
    @TempDir
    Path home;

    @BeforeEach
    void start() {
        aws = EcrApiStandIn.start(Clock.systemUTC()).user(KEY_ID, SECRET, ACCOUNT, "ci");
        aws.repository(ACCOUNT, "eu-west-1", "team/app",
                new EcrApiStandIn.Image("sha256:a1", List.of("1.0", "latest"), PUSHED_1, MANIFEST),
                new EcrApiStandIn.Image("sha256:a2", List.of("0.9"), PUSHED_2, MANIFEST),
                new EcrApiStandIn.Image("sha256:a3", List.of(), PUSHED_2, MANIFEST));
        for (String name : List.of("base/alpine", "team/api", "tools/ci")) {
            aws.repository(ACCOUNT, "eu-west-1", name, new EcrApiStandIn.Image("sha256:b" + name.length(), List.of("v1"),
                    PUSHED_1, MANIFEST));
        }
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private ProviderContext context(Map<String, Object> cloud) {
        return Contexts.context(Contexts.entry(HOST, cloud), Contexts.keysEnv(aws), home, Clock.systemUTC());
    }

    @Test
    void everyPageOfRepositoriesAndImagesWithTagPushTimes() {
        List<ProvidedRepository> found = provider.repositories(context(Map.of()));

        assertThat(found).extracting(ProvidedRepository::path)
                .containsExactly("base/alpine", "team/api", "team/app", "tools/ci");
        assertThat(found).allSatisfy(r -> assertThat(r.registryHost()).isEqualTo(HOST));
        ProvidedRepository app = found.stream().filter(r -> r.path().equals("team/app")).findFirst().orElseThrow();
        assertThat(app.tagPushedAt()).isEqualTo(Map.of("1.0", PUSHED_1, "latest", PUSHED_1, "0.9", PUSHED_2));
        assertThat(aws.calls("ecr:DescribeRepositories")).as("two pages of two").hasSize(2)
                .allSatisfy(c -> assertThat(c.json().path("registryId").asText()).isEqualTo(ACCOUNT));
        assertThat(aws.calls("ecr:DescribeImages")).filteredOn(c -> c.json().path("repositoryName").asText().equals("team/app"))
                .as("three images, two pages").hasSize(2);
    }

    @Test
    void deniedDescribeRepositoriesIsCatalogDenied() {
        aws.fault("ecr:DescribeRepositories", 400, "AccessDeniedException", "User: {arn} is not authorized to perform: "
                + "ecr:DescribeRepositories");
        assertThatThrownBy(() -> provider.repositories(context(Map.of()))).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.hint()).contains("ecr:DescribeRepositories", "env keys AWS_ACCESS_KEY_ID");
                });
    }

    @Test
    void iamStatusTellsWhoTheCallerIsAndTheTokenExpiry() {
        String role = "arn:aws:iam::" + ACCOUNT + ":role/ecr-reader";
        aws.role(role, Optional.empty());
        IdentityReport report = provider.identity(context(Map.of("role_arn", role)));

        Map<String, String> facts = facts(report);
        assertThat(facts).containsEntry("account", ACCOUNT)
                .containsEntry("arn", "arn:aws:sts::" + ACCOUNT + ":assumed-role/ecr-reader/stella")
                .containsEntry("credential_source", "env keys AWS_ACCESS_KEY_ID")
                .containsEntry("roles_assumed", role)
                .containsKeys("user_id", "token_expires_at", "session_expires_at");
        assertThat(report.toString()).doesNotContain(SECRET).doesNotContain(aws.lastPassword());
        assertThat(aws.calls("sts:GetCallerIdentity").getFirst().accessKeyId()).startsWith("ASIA");
        assertThat(report.worst()).isEqualTo(Status.PASS);
    }

    @Test
    void verifyTriesEachReadActionAScanNeeds() {
        IdentityReport report = provider.verify(context(Map.of()));
        assertThat(report.checks()).extracting(IdentityReport.Check::name).containsExactly("sts:GetCallerIdentity",
                "ecr:GetAuthorizationToken", "ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer");
        assertThat(report.worst()).isEqualTo(Status.PASS);
        assertThat(aws.calls("ecr:BatchGetImage").getFirst().json().path("imageIds").path(0).path("imageDigest").asText())
                .isEqualTo("sha256:b11");
        assertThat(aws.calls("ecr:GetDownloadUrlForLayer").getFirst().json().path("layerDigest").asText())
                .isEqualTo("sha256:l1");
    }

    @Test
    void verifyFailsTheDeniedActionWithTheFixAndGoesOn() {
        aws.fault("ecr:BatchGetImage", 400, "AccessDeniedException", "User: {arn} is not authorized to perform: ecr:BatchGetImage");
        IdentityReport report = provider.verify(context(Map.of()));
        assertThat(report.worst()).isEqualTo(Status.FAIL);
        assertThat(report.checks()).filteredOn(c -> c.name().equals("ecr:BatchGetImage")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(Status.FAIL);
                    assertThat(c.detail()).contains("AUTH_INSUFFICIENT_SCOPE", "Add ecr:BatchGetImage to the IAM policy");
                });
        assertThat(report.checks()).filteredOn(c -> c.name().equals("ecr:GetDownloadUrlForLayer"))
                .extracting(IdentityReport.Check::status).containsExactly(Status.SKIP);
        assertThat(report.checks()).filteredOn(c -> c.name().equals("ecr:GetAuthorizationToken"))
                .extracting(IdentityReport.Check::status).containsExactly(Status.PASS);
    }

    @Test
    void lookupThroughTheCredentialSourceOfTheConfig() {
        var entry = Contexts.entry(HOST, Map.of());
        var source = new io.stella.registry.auth.provider.CloudCredentialSource(
                io.stella.registry.config.StellaConfig.of(List.of(entry)),
                io.stella.registry.auth.provider.CredentialProviders.installed(), Contexts.keysEnv(aws), home,
                Clock.systemUTC());
        Optional<ResolvedCredential> found = source.lookup(HOST);
        assertThat(found).hasValueSatisfying(c -> assertThat(c.origin().source()).isEqualTo("cloud:ecr"));
        assertThat(source.lookup("registry.example.com")).isEmpty();
    }

    static Map<String, String> facts(IdentityReport report) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        report.facts().forEach(f -> facts.put(f.name(), f.value()));
        return facts;
    }
}
