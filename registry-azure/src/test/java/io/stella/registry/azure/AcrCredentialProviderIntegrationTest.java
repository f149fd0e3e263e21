package io.stella.registry.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.ImageReference;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.RefreshPolicy;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.auth.sources.CredentialResolver;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.config.CloudConfig;
import io.stella.registry.config.CredentialsConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.config.RegistryUrl;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.TlsConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.trace.Trace;
import io.stella.testing.MutableClock;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.Ports;
import io.stella.testing.PushAuth;
import io.stella.testing.RecordedRequest;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACR provider against a real {@code docker-registry} whose token service serves ACR's {@code /oauth2/exchange},
 * with a loopback Entra ID stand-in issuing the access tokens.
 */
@Tag("integration")
class AcrCredentialProviderIntegrationTest {
    static final String TENANT = "5f2c1a0e-3c4b-4d8e-9f10-7a6b5c4d3e2f";
    static final String SP_CLIENT = "0b1c2d3e-1111-4a5b-8c9d-0e1f2a3b4c5d";
    static final String SP_OID = "9e8d7c6b-aaaa-4b3c-8d2e-1f0a9b8c7d6e";
    static final String SP_SECRET = "sp-SENTINEL-secret-4f2a";
    static final String NOROLE_CLIENT = "0b1c2d3e-2222-4a5b-8c9d-0e1f2a3b4c5d";
    static final String NOROLE_OID = "9e8d7c6b-bbbb-4b3c-8d2e-1f0a9b8c7d6e";
    static final String CERT_CLIENT = "0b1c2d3e-3333-4a5b-8c9d-0e1f2a3b4c5d";
    static final String CERT_OID = "9e8d7c6b-cccc-4b3c-8d2e-1f0a9b8c7d6e";
    static final String WI_CLIENT = "0b1c2d3e-4444-4a5b-8c9d-0e1f2a3b4c5d";
    static final String WI_OID = "9e8d7c6b-dddd-4b3c-8d2e-1f0a9b8c7d6e";
    static final String WI_ISSUER = "https://oidc.prod-aks.azure.com/1d2c3b4a-0000-4000-8000-000000000001/";
    static final String WI_SUBJECT = "system:serviceaccount:scans:stella";
    static final String MANAGEMENT = "https://management.azure.com/.default";

    static TestCa ca;
    static AadStandIn aad;
    static TokenService tokens;
    static LocalRegistry registry;
    static Path dir;
    static Path caPem;
    static Path certificatePem;
    static final AcrCredentialProvider provider = new AcrCredentialProvider();

    @BeforeAll
    static void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        ca = TestCa.create();
        caPem = ca.writeCaPem(Files.createDirectories(dir.resolve("ca")));
        aad = new AadStandIn(ca);
        SelfSignedRsa certificate = SelfSignedRsa.create("CN=stella-acr-scanner");
        certificatePem = Files.writeString(dir.resolve("sp.pem"), certificate.pem());
        aad.app(TENANT, SP_CLIENT, SP_OID).secret(SP_SECRET);
        aad.app(TENANT, NOROLE_CLIENT, NOROLE_OID).secret("norole-secret");
        aad.app(TENANT, CERT_CLIENT, CERT_OID).certificate(certificate.certificate());
        aad.app(TENANT, WI_CLIENT, WI_OID).federated(WI_ISSUER, WI_SUBJECT);
        // the role assignments: AcrPull on the registry for three principals, none for NOROLE
        Map<String, String> acrPull = Map.of(SP_OID, "acr-pull", CERT_OID, "acr-pull", WI_OID, "acr-pull");
        tokens = TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .grant("acr-pull", "team-a", "pull")
                .acrExchange(aadToken -> aad.principalOf(aadToken).map(acrPull::get))
                .start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1", "localhost")), ca)
                .start();
        Path image = TestImages.singleArch(dir.resolve("img"), "linux", "amd64", null, 64 * 1024);
        Skopeo.copy(Skopeo.oci(image), registry, "team-a/app:1.0", PushAuth.of("admin", "admin-pw"), false);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, tokens, aad);
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    static RegistryConfig entry(Map<String, Object> cloud) {
        return entry(cloud, CredentialsConfig.NONE, null);
    }

    static RegistryConfig entry(Map<String, Object> cloud, CredentialsConfig credentials, List<String> repositories) {
        return new RegistryConfig("myacr", RegistryUrl.of(registry.host()), RegistryType.ACR, credentials,
                new TlsConfig(caPem, false), repositories, null, null, null, null, null, new CloudConfig(cloud));
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("AZURE_AUTHORITY_HOST", aad.authorityHost());
        env.put("REQUESTS_CA_BUNDLE", caPem.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static ProviderContext context(RegistryConfig entry, Map<String, String> env) {
        return new ProviderContext(entry, env, dir, Clock.systemUTC());
    }

    static Map<String, Object> servicePrincipal(String client, String secretEnv) {
        return Map.of("tenant_id", TENANT, "client_id", client, "client_secret_env", secretEnv);
    }

    static ProviderContext spContext() {
        return context(entry(servicePrincipal(SP_CLIENT, "ACR_SP_SECRET")), env("ACR_SP_SECRET", SP_SECRET));
    }

    static ResolvedImage pull(CredentialLease lease) {
        RegistryClient client = RegistryClient.builder(Endpoint.parse(registry.host(), false))
                .environment(Map.of())
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(10))
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .trace(new Trace(Clock.systemUTC()))
                .tls(new TlsSettings(List.of(caPem), false))
                .credential(lease)
                .build();
        return client.resolve(ImageReference.parse(registry.host() + "/team-a/app:1.0"), Optional.empty());
    }

    static CredentialLease lease(ProviderContext context, Clock clock) {
        return new CredentialLease(provider.fetch(context, registry.host()),
                Optional.of(() -> provider.fetch(context, registry.host())), RefreshPolicy.DEFAULT, clock,
                CredentialLease.Listener.NONE);
    }

    static AadStandIn.TokenRequest lastAadRequest() {
        return aad.tokenRequests().getLast();
    }

    static List<RecordedRequest> refreshGrantsSince(int index) {
        List<RecordedRequest> all = tokens.requests();
        return all.subList(index, all.size()).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/token")).toList();
    }

    static RegistryException failure(Runnable action) {
        try {
            action.run();
        } catch (RegistryException e) {
            return e;
        }
        throw new AssertionError("expected a RegistryException");
    }

    // --- credentials ------------------------------------------------------------------------------------------

    @Test
    void servicePrincipalSecretIsExchangedForAnAcrRefreshTokenThatPullsAManifest() {
        ProviderContext context = spContext();
        int exchangesBefore = tokens.exchangeForms().size();
        int requestsBefore = tokens.requests().size();
        Instant before = Instant.now();

        ResolvedCredential credential = provider.fetch(context, registry.host());

        AadStandIn.TokenRequest aadRequest = lastAadRequest();
        assertThat(aadRequest.tenant()).isEqualTo(TENANT);
        assertThat(aadRequest.form()).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", SP_CLIENT)
                .containsEntry("client_secret", SP_SECRET);
        assertThat(aadRequest.form().get("scope").split(" ")).as("MSAL adds openid profile offline_access")
                .contains(MANAGEMENT);
        assertThat(aadRequest.headers().get("content-type").getFirst()).startsWith("application/x-www-form-urlencoded");

        assertThat(tokens.exchangeForms()).hasSize(exchangesBefore + 1);
        Map<String, String> exchange = tokens.exchangeForms().getLast();
        assertThat(exchange).containsEntry("grant_type", "access_token")
                .containsEntry("service", tokens.service())
                .containsEntry("tenant", TENANT);
        assertThat(aad.principalOf(exchange.get("access_token"))).contains(SP_OID);

        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.IdentityToken.class, it -> {
            assertThat(it.username()).isEqualTo("00000000-0000-0000-0000-000000000000");
            assertThat(JwtPayload.of(it.token().reveal()).flatMap(p -> p.text("sub"))).contains("acr-pull");
        });
        assertThat(credential.origin().source()).isEqualTo("cloud:acr");
        assertThat(credential.origin().detail()).contains(SP_CLIENT, TENANT, "ACR_SP_SECRET")
                .doesNotContain(SP_SECRET);
        // the Entra ID token (3599 s) ends before the 3-hour ACR refresh token: its expiry is the one reported
        assertThat(credential.expiresAt()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(before.plusSeconds(3500), Instant.now().plusSeconds(3600)));

        assertThat(aad.otherRequests()).as("no instance or OpenID discovery with a custom authority").isEmpty();

        ResolvedImage image = pull(CredentialLease.fixed(credential));
        assertThat(image.manifest().layers()).isNotEmpty();
        assertThat(refreshGrantsSince(requestsBefore)).as("the core exchanged the refresh token at /token by POST")
                .isNotEmpty();
    }

    @Test
    void environmentTrioSignsInAndIamStatusReportsTheTokensClaims() {
        RegistryConfig noCloud = entry(Map.of());
        ProviderContext context = context(noCloud, env("AZURE_CLIENT_ID", SP_CLIENT, "AZURE_CLIENT_SECRET", SP_SECRET,
                "AZURE_TENANT_ID", TENANT));
        assertThat(provider.answers(context, registry.host())).isTrue();

        IdentityReport status = provider.identity(context);

        assertThat(lastAadRequest().form()).containsEntry("client_id", SP_CLIENT).containsEntry("client_secret", SP_SECRET);
        assertThat(status.facts()).contains(new IdentityReport.Fact("tenant", TENANT),
                new IdentityReport.Fact("client id", SP_CLIENT), new IdentityReport.Fact("object id", SP_OID));
        assertThat(status.facts()).anySatisfy(f -> assertThat(f.name()).isEqualTo("token expires"));
        assertThat(status.facts().toString()).doesNotContain(SP_SECRET);
        assertThat(pull(CredentialLease.fixed(provider.fetch(context, registry.host()))).manifest()).isNotNull();
    }

    @Test
    void containerRegistryScopeIsAskedForWhenConfigured() {
        String scope = "https://containerregistry.azure.net/.default";
        ProviderContext context = context(entry(Map.of("tenant_id", TENANT, "client_id", SP_CLIENT,
                "client_secret_env", "S", "scope", scope)), env("S", SP_SECRET));

        ResolvedCredential credential = provider.fetch(context, registry.host());

        assertThat(lastAadRequest().form().get("scope").split(" ")).contains(scope).doesNotContain(MANAGEMENT);
        assertThat(JwtPayload.of(tokens.exchangeForms().getLast().get("access_token")).flatMap(p -> p.text("aud")))
                .contains("https://containerregistry.azure.net");
        assertThat(credential.credential()).isInstanceOf(Credential.IdentityToken.class);
    }

    @Test
    void clientCertificateSignsAnAssertionThatTheStandInVerifies() {
        ProviderContext context = context(entry(Map.of("tenant_id", TENANT, "client_id", CERT_CLIENT,
                "client_certificate_file", certificatePem.toString())), env());

        ResolvedCredential credential = provider.fetch(context, registry.host());

        AadStandIn.TokenRequest request = lastAadRequest();
        assertThat(request.form()).containsEntry("client_id", CERT_CLIENT)
                .containsEntry("client_assertion_type", AadStandIn.ASSERTION_TYPE)
                .containsKey("client_assertion")
                .doesNotContainKey("client_secret");
        assertThat(JwtPayload.of(request.form().get("client_assertion")).flatMap(p -> p.text("aud")))
                .contains(aad.authorityHost() + TENANT + "/oauth2/v2.0/token");
        assertThat(credential.origin().detail()).contains("certificate", CERT_CLIENT);
        assertThat(pull(CredentialLease.fixed(credential)).manifest().layers()).isNotEmpty();
    }

    @Test
    void workloadIdentityPresentsTheFederatedTokenAndOidcVerifyShowsItsClaims() throws Exception {
        String federated = federatedToken(WI_SUBJECT);
        Path tokenFile = Files.writeString(dir.resolve("azure-identity-token"), federated);
        ProviderContext context = context(entry(Map.of()), env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(),
                "AZURE_CLIENT_ID", WI_CLIENT, "AZURE_TENANT_ID", TENANT));
        assertThat(provider.answers(context, registry.host())).isTrue();

        ResolvedCredential credential = provider.fetch(context, registry.host());

        assertThat(lastAadRequest().form()).containsEntry("client_id", WI_CLIENT)
                .containsEntry("client_assertion_type", AadStandIn.ASSERTION_TYPE)
                .containsEntry("client_assertion", federated);
        assertThat(lastAadRequest().form().get("scope").split(" ")).contains(MANAGEMENT);
        assertThat(credential.origin().detail()).contains("workload identity", WI_CLIENT);
        assertThat(pull(CredentialLease.fixed(credential)).manifest().layers()).isNotEmpty();

        IdentityReport report = provider.federation(context);
        assertThat(report.facts()).contains(new IdentityReport.Fact("iss", WI_ISSUER),
                new IdentityReport.Fact("sub", WI_SUBJECT), new IdentityReport.Fact("aud", "api://AzureADTokenExchange"));
        assertThat(report.checks()).extracting(IdentityReport.Check::status).containsOnly(Status.PASS);
        assertThat(report.checks()).anySatisfy(c -> assertThat(c.name()).isEqualTo("Entra ID accepts the federated token"));
    }

    @Test
    void federatedTokenWithAnUnknownSubjectIsRefusedNamingIssuerAndSubject() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("other-token"), federatedToken("system:serviceaccount:x:y"));
        ProviderContext context = context(entry(Map.of("auth", "workload_identity")), env(
                "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(), "AZURE_CLIENT_ID", WI_CLIENT, "AZURE_TENANT_ID", TENANT));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
        assertThat(e.evidence()).containsEntry("aadsts", "AADSTS70021");
        assertThat(e.hint()).contains("federated-credential create", "--issuer", "--subject");

        IdentityReport report = provider.federation(context);
        assertThat(report.worst()).isEqualTo(Status.FAIL);
        assertThat(report.checks()).filteredOn(c -> c.status() == Status.FAIL).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("no federated credential matches issuer " + WI_ISSUER,
                        "subject system:serviceaccount:x:y", "add one to the app registration"));
    }

    @Test
    void expiredFederatedTokenIsTokenExpiredAndOidcVerifyFlagsIt() throws Exception {
        long past = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
        Path tokenFile = Files.writeString(dir.resolve("expired-token"), JwtTexts.unsigned(Map.of("iss", WI_ISSUER,
                "sub", WI_SUBJECT, "aud", List.of("api://AzureADTokenExchange"), "iat", past, "exp", past + 3600)));
        ProviderContext context = context(entry(Map.of()), env("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(),
                "AZURE_CLIENT_ID", WI_CLIENT, "AZURE_TENANT_ID", TENANT));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_TOKEN_EXPIRED);
        assertThat(e.evidence()).containsEntry("aadsts", "AADSTS700024");
        assertThat(e.hint()).contains("projected service account token");

        IdentityReport report = provider.federation(context);
        assertThat(report.checks()).filteredOn(c -> c.name().equals("token not expired")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(Status.FAIL);
                    assertThat(c.detail()).contains("expired at " + Instant.ofEpochSecond(past + 3600));
                });
    }

    // --- expiry and renewal -----------------------------------------------------------------------------------

    @Test
    void leaseRenewsAtThreeQuartersOfTheEntraTokenLifetimeWithAnInjectedClock() {
        ProviderContext context = spContext();
        MutableClock clock = new MutableClock(Instant.now());
        CredentialLease lease = lease(context, clock);
        Instant obtained = lease.obtainedAt();
        Instant expiry = lease.expiresAt().orElseThrow();
        long lifetime = Duration.between(obtained, expiry).toMillis();
        assertThat(lease.refreshAt()).contains(obtained.plusMillis((long) (lifetime * 0.75)));
        ResolvedCredential first = lease.current();

        clock.set(obtained.plusMillis((long) (lifetime * 0.74)));
        assertThat(lease.current()).isSameAs(first);
        assertThat(lease.renewals()).isZero();

        int exchanges = tokens.exchangeForms().size();
        clock.set(obtained.plusMillis((long) (lifetime * 0.76)));
        ResolvedCredential renewed = lease.current();
        assertThat(lease.renewals()).isEqualTo(1);
        assertThat(tokens.exchangeForms()).hasSize(exchanges + 1);
        assertThat(((Credential.IdentityToken) renewed.credential()).token())
                .isNotEqualTo(((Credential.IdentityToken) first.credential()).token());
        assertThat(pull(lease).manifest().layers()).isNotEmpty();
    }

    @Test
    void aRevokedRefreshTokenIsReplacedOnceAfterTheRegistryRejectsIt() {
        CredentialLease lease = lease(spContext(), Clock.systemUTC());
        ResolvedCredential first = lease.current();
        tokens.revokeAllRefreshTokens();

        ResolvedImage image = pull(lease);

        assertThat(image.manifest().layers()).isNotEmpty();
        assertThat(lease.renewals()).isEqualTo(1);
        assertThat(lease.current()).isNotSameAs(first);
    }

    // --- verify -----------------------------------------------------------------------------------------------

    @Test
    void iamVerifyPassesEachLinkForAnIdentityWithAcrPull() {
        ProviderContext context = context(entry(servicePrincipal(SP_CLIENT, "ACR_SP_SECRET"), CredentialsConfig.NONE,
                List.of("team-a/app")), env("ACR_SP_SECRET", SP_SECRET));

        IdentityReport report = provider.verify(context);

        assertThat(report.checks()).extracting(IdentityReport.Check::name).containsExactly(
                "Entra ID token for " + MANAGEMENT, "ACR /oauth2/exchange", "pull token for team-a/app");
        assertThat(report.checks()).extracting(IdentityReport.Check::status).containsOnly(Status.PASS);
        assertThat(report.checks().getFirst().detail()).contains(SP_OID);
    }

    @Test
    void iamVerifyFailsThePullOfARepositoryOutsideTheGrant() {
        ProviderContext context = context(entry(servicePrincipal(SP_CLIENT, "ACR_SP_SECRET"), CredentialsConfig.NONE,
                List.of("team-b/app")), env("ACR_SP_SECRET", SP_SECRET));

        IdentityReport report = provider.verify(context);

        assertThat(report.checks().get(1).status()).isEqualTo(Status.PASS);
        assertThat(report.checks().get(2).status()).isEqualTo(Status.FAIL);
        assertThat(report.checks().get(2).detail()).contains("team-b/app", "AcrPull");
    }

    // --- failures ---------------------------------------------------------------------------------------------

    @Test
    void identityWithoutARoleOnTheRegistryIsInsufficientScopeNamingAcrPull() {
        ProviderContext context = context(entry(servicePrincipal(NOROLE_CLIENT, "NOROLE_SECRET")),
                env("NOROLE_SECRET", "norole-secret"));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
        assertThat(e.hint()).contains("AcrPull", "az role assignment create", NOROLE_OID);
        assertThat(e.evidence()).containsEntry("http_status", "401").containsEntry("principal_object_id", NOROLE_OID);

        IdentityReport report = provider.verify(context);
        assertThat(report.checks()).extracting(IdentityReport.Check::status)
                .containsExactly(Status.PASS, Status.FAIL, Status.SKIP);
        assertThat(report.checks().get(1).detail()).contains("no role on the registry", "AcrPull");
    }

    @Test
    void wrongClientSecretIsInvalidCredentialsWithoutTheSecretInTheFailure() {
        String wrong = "wrong-SENTINEL-8c1e";
        ProviderContext context = context(entry(servicePrincipal(SP_CLIENT, "ACR_SP_SECRET")), env("ACR_SP_SECRET", wrong));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
        assertThat(e.evidence()).containsEntry("aadsts", "AADSTS7000215");
        assertThat(e.hint()).contains("az ad app credential reset --id " + SP_CLIENT);
        assertThat(e.getMessage() + e.hint() + e.evidence()).doesNotContain(wrong).doesNotContain(SP_SECRET);
        assertThat(lastAadRequest().form()).containsEntry("client_secret", wrong);

        IdentityReport report = provider.verify(context);
        assertThat(report.checks()).extracting(IdentityReport.Check::status)
                .containsExactly(Status.FAIL, Status.SKIP, Status.SKIP);
    }

    @Test
    void unknownApplicationIsAConfigurationErrorNamingClientId() {
        String unknown = "0b1c2d3e-9999-4a5b-8c9d-0e1f2a3b4c5d";
        ProviderContext context = context(entry(servicePrincipal(unknown, "S")), env("S", "whatever"));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(e.evidence()).containsEntry("aadsts", "AADSTS700016");
        assertThat(e.getMessage()).contains(unknown, TENANT);
        assertThat(e.hint()).contains("cloud.client_id");
    }

    @Test
    void unknownTenantIsAConfigurationErrorNamingTenantId() {
        String unknownTenant = "00000000-1234-4000-8000-00000000dead";
        ProviderContext context = context(entry(Map.of("tenant_id", unknownTenant, "client_id", SP_CLIENT,
                "client_secret_env", "S")), env("S", SP_SECRET));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(e.evidence()).containsEntry("aadsts", "AADSTS90002");
        assertThat(e.hint()).contains("cloud.tenant_id", "az account show");
        assertThat(lastAadRequest().tenant()).isEqualTo(unknownTenant);
    }

    @Test
    void unreachableAuthorityIsAConnectionFailureWithAnEntraHint() {
        ProviderContext context = context(entry(servicePrincipal(SP_CLIENT, "S")), Map.of("S", SP_SECRET,
                "AZURE_AUTHORITY_HOST", "https://127.0.0.1:" + Ports.freePort() + "/",
                "REQUESTS_CA_BUNDLE", caPem.toString()));

        RegistryException e = failure(() -> provider.fetch(context, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.NETWORK_CONNECTION_REFUSED);
        assertThat(e.hint()).contains("Entra ID", "AZURE_AUTHORITY_HOST");
    }

    @Test
    void missingSecretVariableAndMissingIdentityAreNoCredentials() {
        ProviderContext unset = context(entry(servicePrincipal(SP_CLIENT, "NOT_SET_ANYWHERE")), env());
        RegistryException e = failure(() -> provider.fetch(unset, registry.host()));
        assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
        assertThat(e.getMessage()).contains("NOT_SET_ANYWHERE");

        ProviderContext nothing = context(entry(Map.of("auth", "environment")), env());
        RegistryException none = failure(() -> provider.fetch(nothing, registry.host()));
        assertThat(none.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
        assertThat(none.hint()).contains("az acr login");

        assertThat(provider.answers(context(entry(Map.of()), env()), registry.host()))
                .as("no identity anywhere: docker config (az acr login) is asked instead").isFalse();
    }

    @Test
    void unknownCloudKeyAndContradictorySettingsAreRefused() {
        assertThatThrownBy(() -> new CredentialProviders(List.of(provider))
                .forRegistry(entry(Map.of("tenant_id", TENANT, "region", "westeurope"))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("cloud.region");
                });
        ProviderContext both = context(entry(Map.of("tenant_id", TENANT, "client_id", SP_CLIENT,
                "client_secret_env", "S", "client_certificate_file", certificatePem.toString())), env("S", "x"));
        assertThat(failure(() -> provider.fetch(both, registry.host())).code()).isEqualTo(FailureCode.CONFIG_INVALID);
        ProviderContext badMode = context(entry(Map.of("auth", "device_code")), env());
        assertThat(failure(() -> provider.fetch(badMode, registry.host())).hint()).contains("managed_identity");
    }

    // --- precedence -------------------------------------------------------------------------------------------

    @Test
    void adminUserCredentialsInTheConfigBypassTheProvider() {
        RegistryConfig withAdmin = entry(servicePrincipal(SP_CLIENT, "ACR_SP_SECRET"),
                new CredentialsConfig("myacr", "ACR_ADMIN_PASSWORD", null, null), null);
        Map<String, String> env = env("ACR_SP_SECRET", SP_SECRET, "ACR_ADMIN_PASSWORD", "admin-SENTINEL-pw");
        int aadRequests = aad.tokenRequests().size();
        assertThat(provider.answers(context(withAdmin, env), registry.host())).isFalse();

        CredentialResolver resolver = CredentialResolver.standard(Optional.empty(), StellaConfig.of(List.of(withAdmin)),
                Optional.empty(), env, dir, new CredentialProviders(List.of(provider)));
        ResolvedCredential resolved = resolver.resolve(registry.host());

        assertThat(resolved.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class,
                up -> assertThat(up.username()).isEqualTo("myacr"));
        assertThat(resolved.origin().source()).isNotEqualTo("cloud:acr");
        assertThat(aad.tokenRequests()).hasSize(aadRequests);

        RegistryConfig withoutAdmin = entry(servicePrincipal(SP_CLIENT, "ACR_SP_SECRET"));
        ResolvedCredential cloud = CredentialResolver.standard(Optional.empty(), StellaConfig.of(List.of(withoutAdmin)),
                Optional.empty(), env, dir, new CredentialProviders(List.of(provider))).resolve(registry.host());
        assertThat(cloud.origin().source()).isEqualTo("cloud:acr");
    }

    @Test
    void serviceLoaderFindsTheProviderForAcrEntries() {
        assertThat(CredentialProviders.installed().forType(RegistryType.ACR))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("acr"));
        assertThat(provider.repositories(spContext())).as("discovery is left to /v2/_catalog").isEmpty();
    }

    static String federatedToken(String subject) {
        long now = Instant.now().getEpochSecond();
        return JwtTexts.unsigned(Map.of("iss", WI_ISSUER, "sub", subject, "aud", List.of("api://AzureADTokenExchange"),
                "iat", now, "nbf", now, "exp", now + 3600,
                "kubernetes.io", Map.of("namespace", "scans", "serviceaccount", Map.of("name", "stella"))));
    }
}
