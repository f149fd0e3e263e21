package io.stella.registry.gcp;

import static io.stella.registry.gcp.GcpFixtures.KEY_ID;
import static io.stella.registry.gcp.GcpFixtures.SA_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CredentialProvider;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service account keys, application default credentials and the json_key mode against the OAuth2 stand-in. */
class GcpCredentialProviderTest {
    static final String HOST = "europe-west1-docker.pkg.dev";
    static GoogleApisStandIn google;
    static KeyPair key;
    @TempDir
    Path dir;
    Path keyFile;
    final GcpCredentialProvider provider = GcpFixtures.failFastProvider();

    @BeforeAll
    static void start() {
        google = GoogleApisStandIn.start(GcpFixtures.CA);
        key = GcpFixtures.KEY;
        google.registerKey(SA_EMAIL, key.getPublic());
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void keyFile() {
        keyFile = GcpFixtures.serviceAccountKey(dir.resolve("keys"), key, google.tokenUri());
        google.clearFailures();
    }

    private ProviderContext context(Map<String, Object> cloud, Map<String, String> env) {
        return GcpFixtures.context(GcpFixtures.gar(HOST, cloud), env, dir.resolve("home"), Clock.systemUTC());
    }

    @Test
    void theServiceLoadedProviderTrustsTheCasOfRequestsCaBundle() throws Exception {
        CredentialProvider installed = CredentialProviders.installed().forType(RegistryType.GAR).orElseThrow();
        Map<String, Object> cloud = Map.of("service_account_key_file", keyFile.toString());
        assertThatThrownBy(() -> installed.fetch(context(cloud, Map.of()), HOST)).as("the stand-in's CA is not trusted")
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.TLS_UNTRUSTED_CERTIFICATE);
                    assertThat(e.hint()).contains("REQUESTS_CA_BUNDLE");
                });

        Path bundle = GcpFixtures.CA.writeCaPem(Files.createDirectories(dir.resolve("ca")));
        ResolvedCredential credential = installed.fetch(context(cloud, Map.of("REQUESTS_CA_BUNDLE", bundle.toString())),
                HOST);

        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class,
                up -> assertThat(google.issuedToken(up.password().reveal())).isTrue());
    }

    @Test
    void serviceAccountKeyIsExchangedForAnAccessTokenWithItsExpiry() {
        int before = google.assertionClaims().size();
        Instant asked = Instant.now();
        ResolvedCredential credential = provider.fetch(context(Map.of("service_account_key_file", keyFile.toString()),
                Map.of()), HOST);
        Instant answered = Instant.now();

        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class, up -> {
            assertThat(up.username()).isEqualTo("oauth2accesstoken");
            assertThat(google.issuedToken(up.password().reveal())).isTrue();
            assertThat(up.password().reveal()).startsWith("ya29.sa-");
        });
        assertThat(credential.expiresAt()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(asked.plusSeconds(3599).minusSeconds(1), answered.plusSeconds(3599).plusSeconds(1)));
        assertThat(credential.origin().source()).isEqualTo("cloud:gcp");
        assertThat(credential.origin().detail()).contains(SA_EMAIL, keyFile.toString())
                .doesNotContain(GcpFixtures.KEY_SENTINEL, "PRIVATE KEY");

        List<JsonNode> claims = google.assertionClaims();
        assertThat(claims).hasSize(before + 1);
        JsonNode jwt = claims.getLast();
        assertThat(jwt.path("iss").asText()).isEqualTo(SA_EMAIL);
        // google-auth signs for Google's token audience whatever token_uri says, as Google expects
        assertThat(jwt.path("aud").asText()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(jwt.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
        assertThat(jwt.path("exp").asLong() - jwt.path("iat").asLong()).isEqualTo(3600);
        GoogleApisStandIn.Seen request = google.requests("/token").getLast();
        assertThat(request.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsEntry("grant_type", GoogleApisStandIn.JWT_BEARER).containsKey("assertion");
    }

    @Test
    void everyFetchAsksForANewToken() {
        ProviderContext context = context(Map.of("service_account_key_file", keyFile.toString()), Map.of());
        int before = google.requests("/token").size();
        String first = password(provider.fetch(context, HOST));
        String second = password(provider.fetch(context, HOST));
        assertThat(first).isNotEqualTo(second);
        assertThat(google.requests("/token")).hasSize(before + 2);
    }

    @Test
    void googleApplicationCredentialsFromTheContextEnvironmentIsUsed() {
        ResolvedCredential credential = provider.fetch(context(Map.of(),
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString())), HOST);
        assertThat(credential.origin().detail()).contains(SA_EMAIL, "GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(credential.expiresAt()).isPresent();
    }

    @Test
    void gcloudUserCredentialsUnderHomeAreUsedWithTheRefreshTokenGrant() {
        GcpFixtures.authorizedUser(dir.resolve("home/.config/gcloud/application_default_credentials.json"),
                google.tokenUri());
        ProviderContext context = context(Map.of(), Map.of());
        assertThat(provider.answers(context, HOST)).isTrue();
        ResolvedCredential credential = provider.fetch(context, HOST);

        assertThat(password(credential)).startsWith("ya29.user-");
        assertThat(credential.expiresAt()).isPresent();
        assertThat(credential.origin().detail()).contains("authorized_user", "gcloud application default credentials")
                .doesNotContain("REFRESH-SENTINEL");
        assertThat(google.requests("/token").getLast().form())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "1//0gREFRESH-SENTINEL")
                .containsKey("client_id");
    }

    @Test
    void jsonKeyModeSendsTheKeyFileAsPasswordWithoutAskingGoogle() throws Exception {
        int before = google.requests().size();
        String content = Files.readString(keyFile);
        ResolvedCredential credential = provider.fetch(context(Map.of("service_account_key_file", keyFile.toString(),
                "auth_mode", "json_key"), Map.of()), HOST);
        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class, up -> {
            assertThat(up.username()).isEqualTo("_json_key");
            assertThat(up.password().reveal()).isEqualTo(content);
        });
        assertThat(credential.expiresAt()).isEmpty();
        assertThat(credential.origin().detail()).contains(KEY_ID, SA_EMAIL).doesNotContain("PRIVATE KEY");
        assertThat(credential.toString()).doesNotContain("PRIVATE KEY");
        assertThat(google.requests()).hasSize(before);
    }

    @Test
    void jsonKeyModeNeedsAServiceAccountKey() {
        Path user = GcpFixtures.authorizedUser(dir.resolve("user.json"), google.tokenUri());
        assertThatThrownBy(() -> provider.fetch(context(Map.of("service_account_key_file", user.toString(),
                "auth_mode", "json_key"), Map.of()), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("json_key", "authorized_user");
                });
    }

    @Test
    void noIdentityAnywhereIsNoCredentialsWithTheGcloudFix() {
        ProviderContext unconfigured = context(Map.of(), Map.of());
        assertThat(provider.answers(unconfigured, HOST)).as("docker's credential helpers get their turn").isFalse();
        ProviderContext configured = context(Map.of("project", "demo-project"), Map.of());
        assertThat(provider.answers(configured, HOST)).isTrue();
        assertThatThrownBy(() -> provider.fetch(configured, HOST)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
            assertThat(e.hint()).contains("gcloud auth application-default login", "GOOGLE_APPLICATION_CREDENTIALS");
            assertThat(e.evidence().get("looked_at")).contains(".config/gcloud/application_default_credentials.json");
        });
    }

    @Test
    void malformedKeyFileIsConfigInvalidNamingTheFileButNotItsContent() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----SECRETBITS\n");
        assertThatThrownBy(() -> provider.fetch(context(Map.of("service_account_key_file", broken.toString()), Map.of()),
                HOST)).isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains(broken.toString(), "not valid JSON");
                    assertThat(e.getMessage() + e.hint() + e.evidence()).doesNotContain("SECRETBITS", "BEGIN PRIVATE");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void keyFileLackingItsPrivateKeyIsConfigInvalid() throws Exception {
        Path partial = GcpFixtures.write(dir.resolve("partial.json"), Map.of("type", "service_account",
                "client_email", SA_EMAIL, "private_key_id", KEY_ID));
        assertThatThrownBy(() -> provider.fetch(context(Map.of("service_account_key_file", partial.toString()), Map.of()),
                HOST)).isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("private_key", partial.toString());
                });
    }

    @Test
    void keyTheTokenEndpointDoesNotKnowIsInvalidCredentialsNamingTheKey() {
        KeyPair deleted = GcpFixtures.rsaKey(); // signed with a key Google does not have: "Invalid JWT Signature."
        Path stale = GcpFixtures.serviceAccountKey(dir.resolve("stale"), deleted, google.tokenUri());
        assertThatThrownBy(() -> provider.fetch(context(Map.of("service_account_key_file", stale.toString()), Map.of()),
                HOST)).isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
                    assertThat(e.evidence()).containsEntry("error", "invalid_grant")
                            .containsEntry("error_description", "Invalid JWT Signature.")
                            .containsEntry("http_status", "400")
                            .containsEntry("step", "token_endpoint");
                    assertThat(e.hint()).contains(KEY_ID, SA_EMAIL, "gcloud iam service-accounts keys list");
                    assertThat(e.getMessage() + e.hint() + e.evidence()).doesNotContain("PRIVATE KEY");
                });
    }

    @Test
    void throttledTokenEndpointIsRateLimited() {
        google.fail("/token", GoogleApisStandIn.Answer.oauthError(429, "rate_limit_exceeded", "Rate Limit Exceeded"));
        assertThatThrownBy(() -> provider.fetch(context(Map.of("service_account_key_file", keyFile.toString()), Map.of()),
                HOST)).isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED));
    }

    @Test
    void unreachableTokenEndpointIsConnectionRefused() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path offline = GcpFixtures.serviceAccountKey(dir.resolve("offline"), key, "https://127.0.0.1:" + closedPort + "/token");
        assertThatThrownBy(() -> provider.fetch(context(Map.of("service_account_key_file", offline.toString()), Map.of()),
                HOST)).isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.NETWORK_CONNECTION_REFUSED);
                    assertThat(e.evidence()).containsEntry("endpoint", "https://127.0.0.1:" + closedPort + "/token");
                });
    }

    @Test
    void badAuthModeAndUnknownKeysAreRefused() {
        assertThatThrownBy(() -> provider.fetch(context(Map.of("auth_mode", "password"), Map.of()), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.hint()).contains("json_key", "access_token");
                });
        CredentialProviders providers = new CredentialProviders(List.of(provider));
        assertThatThrownBy(() -> providers.forRegistry(GcpFixtures.gar(HOST, Map.of("region", "us"))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("cloud.region", "gcp");
                });
    }

    @Test
    void theProviderIsFoundThroughServiceLoaderForGarAndGcr() {
        CredentialProviders installed = CredentialProviders.installed();
        assertThat(installed.forType(RegistryType.GAR)).map(CredentialProvider::name).hasValue("gcp");
        assertThat(installed.forType(RegistryType.GCR)).map(CredentialProvider::name).hasValue("gcp");
    }

    @Test
    void answersOnlyForItsOwnEntrysHost() {
        ProviderContext context = context(Map.of("service_account_key_file", keyFile.toString()), Map.of());
        assertThat(provider.answers(context, HOST)).isTrue();
        assertThat(provider.answers(context, "us-docker.pkg.dev")).isFalse();
        ProviderContext generic = GcpFixtures.context(GcpFixtures.registry(HOST, RegistryType.GENERIC, Map.of(), null),
                Map.of("GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString()), dir, Clock.systemUTC());
        assertThat(provider.answers(generic, HOST)).isFalse();
    }

    private static String password(ResolvedCredential credential) {
        return ((Credential.UsernamePassword) credential.credential()).password().reveal();
    }
}
