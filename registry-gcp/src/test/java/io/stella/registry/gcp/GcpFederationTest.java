package io.stella.registry.gcp;

import static io.stella.registry.gcp.GcpFixtures.PROVIDER;
import static io.stella.registry.gcp.GcpFixtures.SA_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Check;
import io.stella.registry.auth.provider.IdentityReport.Fact;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workload identity federation: STS token exchange, service account impersonation, and oidc verify's chain. */
class GcpFederationTest {
    static final String HOST = "us-docker.pkg.dev";
    static final String AUDIENCE = "//iam.googleapis.com/" + PROVIDER;
    static final String POOL_MEMBERS = "principalSet://iam.googleapis.com/projects/123456789/locations/global/"
            + "workloadIdentityPools/ci-pool/*";
    static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    static final Instant IMPERSONATED_EXPIRY = Instant.parse("2030-06-01T13:00:00Z");
    static GoogleApisStandIn google;
    @TempDir
    Path dir;
    Path subjectToken;
    final GcpCredentialProvider provider = GcpFixtures.failFastProvider();

    @BeforeAll
    static void start() {
        google = GoogleApisStandIn.start(GcpFixtures.CA);
        google.impersonatedExpiry(IMPERSONATED_EXPIRY);
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void token() {
        google.clearFailures();
        subjectToken = GcpFixtures.subjectToken(dir, AUDIENCE, NOW.plusSeconds(600));
    }

    private Map<String, Object> federation(boolean impersonate) {
        Map<String, Object> cloud = new LinkedHashMap<>();
        cloud.put("workload_identity_provider", PROVIDER);
        cloud.put("subject_token_file", subjectToken.toString());
        if (impersonate) {
            cloud.put("service_account", SA_EMAIL);
        }
        return cloud;
    }

    private ProviderContext context(Map<String, Object> cloud, Map<String, String> extraEnv, Instant now) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("STELLA_GCP_STS_ENDPOINT", google.baseUrl());
        env.put("STELLA_GCP_IAMCREDENTIALS_ENDPOINT", google.baseUrl());
        return GcpFixtures.context(GcpFixtures.gar(HOST, cloud), env, dir.resolve("home"), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void subjectTokenIsExchangedAtStsAndTheServiceAccountImpersonated() throws Exception {
        ResolvedCredential credential = provider.fetch(context(federation(true), Map.of(), NOW), HOST);

        GoogleApisStandIn.Seen sts = google.requests("/v1/token").getLast();
        assertThat(sts.form())
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("audience", AUDIENCE)
                .containsEntry("subject_token", Files.readString(subjectToken).strip())
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:jwt")
                .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("scope", "https://www.googleapis.com/auth/cloud-platform");
        GoogleApisStandIn.Seen iam = google.requests("/v1/projects/-/serviceAccounts/").getLast();
        assertThat(iam.method()).isEqualTo("POST");
        assertThat(iam.path()).isEqualTo("/v1/projects/-/serviceAccounts/" + SA_EMAIL + ":generateAccessToken");
        assertThat(iam.headers().get("authorization")).as("the STS token authorizes the impersonation")
                .matches("Bearer ya29\\.fed-[0-9]+");
        assertThat(iam.headers().get("content-type")).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(iam.body());
        assertThat(body.path("scope").toString()).isEqualTo("[\"https://www.googleapis.com/auth/cloud-platform\"]");
        assertThat(body.path("lifetime").asText()).isEqualTo("3600s");

        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class, up -> {
            assertThat(up.username()).isEqualTo("oauth2accesstoken");
            assertThat(up.password().reveal()).startsWith("ya29.impersonated-");
        });
        assertThat(credential.expiresAt()).hasValue(IMPERSONATED_EXPIRY);
        assertThat(credential.origin().source()).isEqualTo("cloud:gcp");
        assertThat(credential.origin().detail()).contains(SA_EMAIL, PROVIDER);
    }

    @Test
    void withoutAServiceAccountTheFederatedTokenIsUsedAsIs() {
        int impersonations = google.requests("/v1/projects/-/serviceAccounts/").size();
        ResolvedCredential credential = provider.fetch(context(federation(false), Map.of(), NOW), HOST);
        assertThat(((Credential.UsernamePassword) credential.credential()).password().reveal()).startsWith("ya29.fed-");
        assertThat(credential.expiresAt()).isPresent();
        assertThat(google.requests("/v1/projects/-/serviceAccounts/")).hasSize(impersonations);
    }

    @Test
    void aCredentialConfigFileFromGcloudWorksAsApplicationDefaultCredentials() {
        Path config = GcpFixtures.externalAccount(dir, google.baseUrl(), subjectToken, true);
        ResolvedCredential credential = provider.fetch(context(Map.of(),
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", config.toString()), NOW), HOST);
        assertThat(credential.expiresAt()).hasValue(IMPERSONATED_EXPIRY);
        assertThat(credential.origin().detail()).contains(SA_EMAIL, "external_account", config.toString());
    }

    @Test
    void stsRejectingTheSubjectTokenIsInvalidCredentialsWithTheAudienceToCheck() {
        google.fail("/v1/token", GoogleApisStandIn.Answer.oauthError(400, "invalid_grant",
                "The audience in ID Token [https://gitlab.example.com] does not match the expected audience."));
        assertThatThrownBy(() -> provider.fetch(context(federation(true), Map.of(), NOW), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
                    assertThat(e.evidence()).containsEntry("step", "sts").containsEntry("error", "invalid_grant");
                    assertThat(e.getMessage()).contains("does not match the expected audience");
                    assertThat(e.hint()).contains(AUDIENCE, "oidc verify");
                });
    }

    @Test
    void impersonationDeniedIsInsufficientScopeNamingPermissionAndPrincipal() {
        google.fail("/v1/projects/-/serviceAccounts/" + SA_EMAIL + ":generateAccessToken",
                GoogleApisStandIn.Answer.googleError(403, "PERMISSION_DENIED",
                        "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."));
        assertThatThrownBy(() -> provider.fetch(context(federation(true), Map.of(), NOW), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
                    assertThat(e.evidence()).containsEntry("step", "impersonation").containsEntry("http_status", "403")
                            .containsEntry("error", "PERMISSION_DENIED").containsEntry("principal", SA_EMAIL);
                    assertThat(e.hint()).contains("iam.serviceAccounts.getAccessToken", "roles/iam.workloadIdentityUser",
                            SA_EMAIL, POOL_MEMBERS);
                });
    }

    @Test
    void missingSubjectTokenFileIsNoCredentials() throws Exception {
        Files.delete(subjectToken);
        assertThatThrownBy(() -> provider.fetch(context(federation(true), Map.of(), NOW), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
                    assertThat(e.getMessage()).contains(subjectToken.toString());
                    assertThat(e.hint()).contains("projected serviceAccountToken", AUDIENCE);
                });
    }

    @Test
    void incompleteFederationSettingsAreConfigInvalid() {
        assertThatThrownBy(() -> provider.fetch(context(Map.of("workload_identity_provider", PROVIDER), Map.of(), NOW), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("subject_token_file");
                });
        assertThatThrownBy(() -> provider.fetch(context(Map.of("workload_identity_provider", "ci-pool/gitlab",
                "subject_token_file", subjectToken.toString()), Map.of(), NOW), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.hint()).contains("workloadIdentityPools/<pool>/providers/<provider>");
                });
    }

    @Test
    void oidcVerifyWalksTheChainLinkByLink() {
        IdentityReport report = provider.federation(context(federation(true), Map.of(), NOW));
        assertThat(report.checks()).extracting(Check::name, Check::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("subject token", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("STS token exchange", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("service account impersonation", Status.PASS));
        assertThat(report.facts()).contains(
                new Fact("subject token iss", "https://gitlab.example.com"),
                new Fact("subject token sub", "project_path:team/app:ref:main"),
                new Fact("subject token aud", AUDIENCE),
                new Fact("subject token exp", NOW.plusSeconds(600).toString()),
                new Fact("federated principal", "principal://iam.googleapis.com/projects/123456789/locations/global/"
                        + "workloadIdentityPools/ci-pool/subject/project_path:team/app:ref:main"),
                new Fact("service account", SA_EMAIL),
                new Fact("token expiry", IMPERSONATED_EXPIRY.toString()));
        assertThat(report.worst()).isEqualTo(Status.PASS);
    }

    @Test
    void oidcVerifyStopsAtAnExpiredSubjectTokenWithoutAskingSts() {
        int stsCalls = google.requests("/v1/token").size();
        IdentityReport report = provider.federation(context(federation(true), Map.of(), NOW.plusSeconds(3600)));
        assertThat(report.checks()).extracting(Check::name, Check::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("subject token", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("STS token exchange", Status.SKIP),
                org.assertj.core.groups.Tuple.tuple("service account impersonation", Status.SKIP));
        assertThat(report.checks().getFirst().detail()).contains("expired at " + NOW.plusSeconds(600));
        assertThat(google.requests("/v1/token")).hasSize(stsCalls);
    }

    @Test
    void oidcVerifyNamesTheMissingWorkloadIdentityUserBinding() {
        google.fail("/v1/projects/-/serviceAccounts/" + SA_EMAIL + ":generateAccessToken",
                GoogleApisStandIn.Answer.googleError(403, "PERMISSION_DENIED",
                        "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist)."));
        IdentityReport report = provider.federation(context(federation(true), Map.of(), NOW));
        List<Check> checks = report.checks();
        assertThat(checks).extracting(Check::status).containsExactly(Status.PASS, Status.PASS, Status.FAIL);
        assertThat(checks.getLast().detail()).contains("AUTH_INSUFFICIENT_SCOPE", "roles/iam.workloadIdentityUser",
                POOL_MEMBERS);
        assertThat(report.worst()).isEqualTo(Status.FAIL);
    }

    @Test
    void oidcVerifyWarnsWhenTheTokensAudienceIsNotTheProvidersDefault() {
        subjectToken = GcpFixtures.subjectToken(dir, "https://gitlab.example.com", NOW.plusSeconds(600));
        IdentityReport report = provider.federation(context(federation(true), Map.of(), NOW));
        assertThat(report.checks().getFirst().status()).isEqualTo(Status.WARN);
        assertThat(report.checks().getFirst().detail()).contains("allowed audiences");
    }

    @Test
    void oidcVerifyOfAServiceAccountKeyIsSkipped() {
        Path key = GcpFixtures.serviceAccountKey(dir, GcpFixtures.KEY, google.tokenUri());
        IdentityReport report = provider.federation(context(Map.of("service_account_key_file", key.toString()),
                Map.of(), NOW));
        assertThat(report.checks()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.SKIP);
            assertThat(c.detail()).contains("service_account", "not federated");
        });
    }
}
