package io.stella.registry.gcp;

import io.stella.testing.MutableClock;
import static io.stella.registry.gcp.GcpFixtures.SA_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.ImageReference;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.RefreshPolicy;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CloudCredentialSource;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.auth.sources.CredentialResolver;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.trace.Trace;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider behind a real registry: a {@code docker-registry} with a token service whose
 * {@code oauth2accesstoken} password is whatever access token the Google stand-in issued last (as Artifact
 * Registry accepts any live token and no other), and whose {@code _json_key} password is the key file.
 */
@Tag("integration")
class GcpRegistryIntegrationTest {
    static final String REPOSITORY = "demo-project/apps/web";
    static GoogleApisStandIn google;
    static TokenService tokens;
    static LocalRegistry registry;
    static Path keyFile;
    static TlsSettings trustCa;
    static Path home;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        google = GoogleApisStandIn.start(GcpFixtures.CA);
        KeyPair key = GcpFixtures.KEY;
        google.registerKey(SA_EMAIL, key.getPublic());
        keyFile = GcpFixtures.serviceAccountKey(dir.resolve("keys"), key, google.tokenUri());
        home = Files.createDirectories(dir.resolve("home"));
        tokens = TokenService.builder(GcpFixtures.CA)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .user("oauth2accesstoken", "no-token-issued-yet").grant("oauth2accesstoken", "*", "pull")
                .user("_json_key", Files.readString(keyFile)).grant("_json_key", "*", "pull")
                .ttl(Duration.ofMinutes(5))
                .start();
        google.onAccessToken(token -> tokens.setPassword("oauth2accesstoken", token));
        registry = LocalRegistry.builder().token(tokens)
                .tls(GcpFixtures.CA.issueServer(List.of("127.0.0.1")), GcpFixtures.CA).start();
        Path image = TestImages.singleArch(dir.resolve("img"), "linux", "amd64", null, 4 * 1024);
        Skopeo.copy(Skopeo.oci(image), registry, REPOSITORY + ":1.0", PushAuth.of("admin", "admin-pw"), false);
        trustCa = new TlsSettings(List.of(GcpFixtures.CA.writeCaPem(Files.createDirectories(dir.resolve("ca")))), false);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, tokens, google);
    }

    private static RegistryConfig entry(Map<String, Object> cloud) {
        return GcpFixtures.gar(registry.host(), cloud);
    }

    /** The lease stella's resolver makes, through the cloud credential source and this provider. */
    private static CredentialLease lease(RegistryConfig entry, Clock clock) {
        CloudCredentialSource source = new CloudCredentialSource(StellaConfig.of(List.of(entry)),
                new CredentialProviders(List.of(GcpFixtures.failFastProvider())), Map.of("NO_GCE_CHECK", "true"),
                home, clock);
        return new CredentialResolver(List.of(source)).lease(registry.host(), RefreshPolicy.of(entry), clock,
                CredentialLease.Listener.NONE);
    }

    private static RegistryClient client(CredentialLease lease) {
        return RegistryClient.builder(Endpoint.parse(registry.host(), false))
                .environment(Map.of())
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(10))
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .trace(new Trace(Clock.systemUTC()))
                .tls(trustCa)
                .credential(lease)
                .build();
    }

    private static int pulledLayers(RegistryClient client) {
        return client.resolve(ImageReference.parse(registry.host() + "/" + REPOSITORY + ":1.0"), Optional.empty())
                .manifest().layers().size();
    }

    private static int oauthTokenRequests() {
        return google.requests("/token").size();
    }

    @Test
    void anAccessTokenPullsTheImageAndItsExpiryIsReported() {
        int before = oauthTokenRequests();
        Instant asked = Instant.now();
        CredentialLease lease = lease(entry(Map.of("service_account_key_file", keyFile.toString())), Clock.systemUTC());

        assertThat(pulledLayers(client(lease))).isEqualTo(1);
        assertThat(oauthTokenRequests() - before).isEqualTo(1);
        assertThat(lease.peek().origin().source()).isEqualTo("cloud:gcp");
        assertThat(lease.peek().origin().detail()).contains(SA_EMAIL);
        assertThat(lease.expiresAt()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(asked.plusSeconds(3598), Instant.now().plusSeconds(3600)));
        assertThat(lease.refreshAt()).as("renewed at 75% of the hour").hasValueSatisfying(at -> assertThat(at)
                .isBetween(asked.plusSeconds(2690), Instant.now().plusSeconds(2700)));
    }

    @Test
    void theTokenIsRenewedBeforeItExpiresAndTheOldOneStopsWorking() {
        MutableClock clock = new MutableClock(Instant.now());
        int before = oauthTokenRequests();
        CredentialLease lease = lease(entry(Map.of("service_account_key_file", keyFile.toString())), clock);
        ResolvedCredential first = lease.current();
        assertThat(pulledLayers(client(lease))).isEqualTo(1);

        clock.advance(Duration.ofMinutes(40)); // two thirds of the hour: still fresh
        assertThat(lease.current()).isSameAs(first);
        assertThat(oauthTokenRequests() - before).isEqualTo(1);

        clock.advance(Duration.ofMinutes(6)); // past 75 %
        ResolvedCredential second = lease.current();
        assertThat(second).isNotSameAs(first);
        assertThat(lease.renewals()).isEqualTo(1);
        assertThat(oauthTokenRequests() - before).isEqualTo(2);
        assertThat(pulledLayers(client(lease))).as("the new token works").isEqualTo(1);

        RegistryClient stale = client(CredentialLease.fixed(first));
        assertThatThrownBy(() -> pulledLayers(stale)).as("the replaced token is refused")
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS));
    }

    @Test
    void aTokenRevokedBehindStellasBackIsReplacedOnceAfterTheRejection() {
        CredentialLease lease = lease(entry(Map.of("service_account_key_file", keyFile.toString())), Clock.systemUTC());
        int before = oauthTokenRequests();
        tokens.setPassword("oauth2accesstoken", "revoked-in-the-console");

        assertThat(pulledLayers(client(lease))).isEqualTo(1);
        assertThat(lease.renewals()).isEqualTo(1);
        assertThat(oauthTokenRequests() - before).isEqualTo(1);
    }

    @Test
    void theJsonKeyModeIsAcceptedByTheTokenServiceWithoutAskingGoogle() {
        int before = google.requests().size();
        CredentialLease lease = lease(entry(Map.of("service_account_key_file", keyFile.toString(),
                "auth_mode", "json_key")), Clock.systemUTC());
        assertThat(pulledLayers(client(lease))).isEqualTo(1);
        assertThat(google.requests()).hasSize(before);
        assertThat(lease.expiresAt()).isEmpty();
        assertThat(lease.peek().origin().detail()).contains("_json_key", GcpFixtures.KEY_ID);
    }

}
