package io.stella.registry.it;

import io.stella.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.ImageReference;
import io.stella.registry.Secret;
import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.Scope;
import io.stella.registry.auth.TokenFlow;
import io.stella.registry.blob.Digests;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.manifest.Descriptor;
import io.stella.registry.trace.Trace;
import io.stella.testing.Closer;
import io.stella.testing.FaultProxy;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.RecordedRequest;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token auth over HTTPS with a test CA: the distribution token protocol against the real registry, a
 * Harbor-like token service dropping scopes a user lacks, expiry, refresh and the OAuth2 flows.
 */
@Tag("integration")
class TokenAuthIntegrationTest {
    static final String ALICE_PW = "alice-SENTINEL-pw-9d1c";
    static TestCa ca;
    static TokenService tokens;
    static TokenService postlessTokens;
    static LocalRegistry registry;
    static LocalRegistry postlessRegistry;
    static Path caDir;
    static TlsSettings trustCa;

    @BeforeAll
    static void start(@TempDir Path dir) {
        ca = TestCa.create();
        caDir = dir.resolve("ca");
        trustCa = Clients.trusting(ca, caDir);
        tokens = TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .user("alice", ALICE_PW).grant("alice", "team-a", "pull").catalogUser("alice")
                .user("bob", "bob-pw").grant("bob", "team-b", "pull")
                .anonymousGrant("public", "pull")
                .ttl(Duration.ofMinutes(5))
                .start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1", "localhost")), ca).start();
        Path image = TestImages.singleArch(dir.resolve("img"), "linux", "amd64", null, 256 * 1024);
        for (String repo : List.of("team-a/app", "team-b/app", "public/app")) {
            Skopeo.copy(Skopeo.oci(image), registry, repo + ":1.0", PushAuth.of("admin", "admin-pw"), false);
        }
        postlessTokens = TokenService.builder(ca).user("alice", ALICE_PW).grant("alice", "team-a", "pull")
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push").disablePost(true).start();
        postlessRegistry = LocalRegistry.builder().token(postlessTokens)
                .tls(ca.issueServer(List.of("127.0.0.1")), ca).start();
        Skopeo.copy(Skopeo.oci(image), postlessRegistry, "team-a/app:1.0", PushAuth.of("admin", "admin-pw"), false);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, postlessRegistry, tokens, postlessTokens);
    }

    private static RegistryClient.Builder client(LocalRegistry target, ResolvedCredential credential) {
        return Clients.builder(target.host()).credential(credential).tls(trustCa);
    }

    private static ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    @Test
    void grantedPullResolvesWithOneTokenRequest() {
        RegistryClient c = client(registry, Clients.user("alice", ALICE_PW)).build();
        ResolvedImage image = c.resolve(ref("team-a/app:1.0"), Optional.empty());
        for (Descriptor layer : image.manifest().layers()) {
            assertThat(c.headBlob("team-a/app", layer.digest())).hasValue(layer.size());
        }
        assertThat(c.ping().base().getScheme()).isEqualTo("https");
        assertThat(c.session().authScheme()).isEqualTo("bearer");
        assertThat(c.tokenRequests()).as("one token serves ping, manifest, config and every layer HEAD").isEqualTo(1);
        BearerToken token = c.session().tokenFor(Optional.of(Scope.pull("team-a/app"))).orElseThrow();
        assertThat(token.grants(Scope.pull("team-a/app"))).contains(true);
        assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(token.refreshToken()).as("GET with offline_token=true").isPresent();
        assertThat(c.tokenRequests()).isEqualTo(1);
    }

    @Test
    void projectWithoutGrantIsInsufficientScopeNamingRepositoryAndAction() {
        RegistryClient c = client(registry, Clients.user("alice", ALICE_PW)).build();
        assertThatThrownBy(() -> c.resolve(ref("team-b/app:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
                    assertThat(e.getMessage()).contains("pull", "team-b/app");
                    assertThat(e.evidence()).containsEntry("scope_requested", "repository:team-b/app:pull")
                            .containsEntry("scope_granted", "[]");
                    assertThat(e.hint()).contains("team-b");
                });
    }

    @Test
    void wrongPasswordIsInvalidCredentialsFromTheTokenServiceAskedOnce() {
        int before = tokens.tokenRequests();
        RegistryClient c = client(registry, Clients.user("alice", "wrong-SENTINEL")).build();
        assertThatThrownBy(() -> c.resolve(ref("team-a/app:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
                    assertThat(e.evidence()).containsEntry("http_status", "401").containsKey("realm");
                    assertThat(e.toString() + e.evidence()).doesNotContain("wrong-SENTINEL");
                });
        assertThat(tokens.tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void anonymousIsRefusedOnPrivateProjectsAndServedOnPublicOnes() {
        RegistryClient c = client(registry, ResolvedCredential.anonymous()).build();
        assertThatThrownBy(() -> c.resolve(ref("team-a/app:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS));
        assertThat(c.resolve(ref("public/app:1.0"), Optional.empty()).manifest().layers()).hasSize(1);
    }

    @Test
    void grantedPullOnMissingImageIsImageNotFound() {
        RegistryClient c = client(registry, Clients.user("alice", ALICE_PW)).build();
        assertThatThrownBy(() -> c.resolve(ref("team-a/nothing:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.IMAGE_NOT_FOUND));
    }

    @Test
    void catalogNeedsTheCatalogScope() {
        assertThat(client(registry, Clients.user("alice", ALICE_PW)).build().catalog(100))
                .contains("team-a/app", "team-b/app", "public/app");
        assertThatThrownBy(() -> client(registry, Clients.user("bob", "bob-pw")).build().catalog(100))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED));
    }

    /** A token service and registry of the test's own, whose tokens the test may spoil. */
    private static TokenService ownTokenService() {
        return TokenService.builder(ca).user("alice", ALICE_PW).grant("alice", "*", "pull", "push").start();
    }

    private static LocalRegistry ownRegistry(TokenService service) {
        LocalRegistry reg = LocalRegistry.builder().token(service).tls(ca.issueServer(List.of("127.0.0.1")), ca).start();
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(caDir.resolve("own"), "linux", "amd64", null, 1024)), reg,
                "team-a/app:1.0", PushAuth.of("alice", ALICE_PW), false);
        return reg;
    }

    @Test
    void tokensTheRegistryRejectsAfterReauthenticationAreTokenExpired() {
        try (TokenService expired = ownTokenService(); LocalRegistry reg = ownRegistry(expired)) {
            expired.setIssueExpiredTokens(true);
            RegistryClient c = client(reg, Clients.user("alice", ALICE_PW)).build();
            assertThatThrownBy(() -> c.resolve(ImageReference.parse(reg.host() + "/team-a/app:1.0"), Optional.empty()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(FailureCode.AUTH_TOKEN_EXPIRED);
                        assertThat(e.hint()).contains("clock");
                    });
            assertThat(c.tokenRequests()).as("one token, then one re-authentication").isEqualTo(2);
        }
    }

    @Test
    void aTokenRejectedMidScanIsReplacedOnceAndTheScanGoesOn() {
        try (TokenService flaky = ownTokenService(); LocalRegistry reg = ownRegistry(flaky)) {
            Trace trace = new Trace(Clock.systemUTC());
            RegistryClient c = client(reg, Clients.user("alice", ALICE_PW)).trace(trace).build();
            // The cached token is one the registry no longer accepts (as when it expires or is revoked).
            flaky.setIssueExpiredTokens(true);
            c.session().tokenFor(Optional.of(Scope.pull("team-a/app")));
            flaky.setIssueExpiredTokens(false);
            ResolvedImage image = c.resolve(ImageReference.parse(reg.host() + "/team-a/app:1.0"), Optional.empty());
            assertThat(image.manifest().layers()).hasSize(1);
            assertThat(c.tokenRequests()).isEqualTo(2);
            assertThat(trace.events()).anyMatch(e -> e.message().contains("re-authenticating once"));
        }
    }

    @Test
    void tokensAreRefreshedBeforeExpiryWithTheRefreshToken() {
        MutableClock clock = new MutableClock(Instant.now());
        RegistryClient c = client(registry, Clients.user("alice", ALICE_PW)).clock(clock).build();
        c.resolve(ref("team-a/app:1.0"), Optional.empty());
        assertThat(c.tokenRequests()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(3)); // 60 % of 5 minutes: still fresh
        c.tags("team-a/app");
        assertThat(c.tokenRequests()).isEqualTo(1);
        int before = tokens.requests().size();
        clock.advance(Duration.ofSeconds(50)); // past 75 %
        c.tags("team-a/app");
        assertThat(c.tokenRequests()).isEqualTo(2);
        List<RecordedRequest> refresh = tokens.requests().subList(before, tokens.requests().size());
        assertThat(refresh).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("authorization")).as("the password is not sent again").isEmpty();
        });
    }

    @Test
    void oauth2PasswordGrantAndFallbackToGetWhenPostIsUnsupported() {
        int before = tokens.requests().size();
        RegistryClient c = client(registry, Clients.user("alice", ALICE_PW)).tokenFlow(TokenFlow.OAUTH2).build();
        c.resolve(ref("team-a/app:1.0"), Optional.empty());
        assertThat(tokens.requests().subList(before, tokens.requests().size()))
                .extracting(RecordedRequest::method).containsExactly("POST");

        int postlessBefore = postlessTokens.requests().size();
        RegistryClient fallback = client(postlessRegistry, Clients.user("alice", ALICE_PW)).tokenFlow(TokenFlow.OAUTH2).build();
        fallback.resolve(ImageReference.parse(postlessRegistry.host() + "/team-a/app:1.0"), Optional.empty());
        assertThat(postlessTokens.requests().subList(postlessBefore, postlessTokens.requests().size()))
                .extracting(RecordedRequest::method).containsExactly("POST", "GET");
    }

    @Test
    void identityTokenIsExchangedWithTheRefreshGrant() throws Exception {
        String refresh = fetchToken("alice", ALICE_PW, "repository:team-a/app:pull", true).get("refresh_token").asText();
        ResolvedCredential identity = new ResolvedCredential(new Credential.IdentityToken("alice", Secret.of(refresh)),
                new CredentialOrigin("auth-file", "identitytoken"));
        int before = tokens.requests().size();
        RegistryClient c = client(registry, identity).build();
        c.resolve(ref("team-a/app:1.0"), Optional.empty());
        assertThat(tokens.requests().subList(before, tokens.requests().size()))
                .singleElement().extracting(RecordedRequest::method).isEqualTo("POST");
    }

    @Test
    void registryTokenIsSentAsBearerWithoutTokenRequests() throws Exception {
        String token = fetchToken("alice", ALICE_PW, "repository:team-a/app:pull", false).get("token").asText();
        ResolvedCredential registryToken = new ResolvedCredential(new Credential.RegistryToken(Secret.of(token)),
                new CredentialOrigin("auth-file", "registrytoken"));
        RegistryClient c = client(registry, registryToken).build();
        assertThat(c.resolve(ref("team-a/app:1.0"), Optional.empty()).manifest().layers()).hasSize(1);
        assertThat(c.tokenRequests()).isZero();
    }

    @Test
    void untrustedCertificateNamesCaCertAndInsecureSkipVerifyGetsThrough() {
        RegistryClient untrusting = Clients.builder(registry.host()).credential(Clients.user("alice", ALICE_PW)).build();
        assertThatThrownBy(untrusting::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.TLS_UNTRUSTED_CERTIFICATE);
            assertThat(e.hint()).contains("--ca-cert");
        });
        RegistryClient insecure = Clients.builder(registry.host()).credential(Clients.user("alice", ALICE_PW))
                .tls(new TlsSettings(List.of(), true)).build();
        assertThat(insecure.resolve(ref("team-a/app:1.0"), Optional.empty()).manifest().layers()).hasSize(1);
    }

    @Test
    void certificateForAnotherHostIsHostnameMismatch() {
        try (LocalRegistry wrongName = LocalRegistry.builder().anonymous()
                .tls(ca.issueServer(List.of("registry.other.example")), ca).start()) {
            RegistryClient c = Clients.builder(wrongName.host()).tls(trustCa).build();
            assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(FailureCode.TLS_HOSTNAME_MISMATCH));
        }
    }

    @Test
    void expiredCertificateIsCertificateExpired() {
        Instant now = Instant.now();
        try (LocalRegistry stale = LocalRegistry.builder().anonymous()
                .tls(ca.issueServer(List.of("127.0.0.1"), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))), ca)
                .start()) {
            RegistryClient c = Clients.builder(stale.host()).tls(trustCa).build();
            assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(FailureCode.TLS_CERTIFICATE_EXPIRED));
        }
    }

    @Test
    void tokenExpiringDuringASlowBlobDownloadDoesNotFailTheScan() throws Exception {
        tokens.setTtl(Duration.ofSeconds(2));
        try (FaultProxy slow = FaultProxy.start(registry.baseUrl(), ca.trustingSslContext())) {
            RegistryClient c = Clients.builder(slow.host()).credential(Clients.user("alice", ALICE_PW)).tls(trustCa).build();
            ImageReference viaProxy = ImageReference.parse(slow.host() + "/team-a/app:1.0");
            ResolvedImage image = c.resolve(viaProxy, Optional.empty());
            Descriptor layer = image.manifest().layers().getFirst();
            int tokensBefore = c.tokenRequests();
            slow.throttleBodies(96 * 1024); // ~256 KiB layer: about 3 s, longer than the token lives
            try (InputStream in = c.openBlob("team-a/app", layer)) {
                assertThat(Digests.sha256(in.readAllBytes())).isEqualTo(layer.digest());
            }
            slow.clearFaults();
            assertThat(c.headBlob("team-a/app", layer.digest())).hasValue(layer.size());
            assertThat(c.resolve(viaProxy, Optional.empty()).manifest()).isEqualTo(image.manifest());
            assertThat(c.tokenRequests()).as("the expired token was replaced").isGreaterThan(tokensBefore);
        } finally {
            tokens.setTtl(Duration.ofMinutes(5));
        }
    }

    private static JsonNode fetchToken(String user, String password, String scope, boolean offline) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(ca.trustingSslContext()).build();
        String query = "?service=" + URLEncoder.encode(tokens.service(), StandardCharsets.UTF_8) + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8) + (offline ? "&offline_token=true" : "");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokens.realm() + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

}
