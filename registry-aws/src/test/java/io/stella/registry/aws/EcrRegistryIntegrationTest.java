package io.stella.registry.aws;

import io.stella.testing.MutableClock;
import static io.stella.registry.aws.Contexts.KEY_ID;
import static io.stella.registry.aws.Contexts.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.ImageReference;
import io.stella.registry.auth.Credential;
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
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.TlsSettings;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.RecordedRequest;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECR password flow end to end: the stand-in's GetAuthorizationToken issues a fresh password to a real token
 * service's user "AWS" (as ECR does), and a real registry behind that token service is pulled from with a lease
 * that renews through the ECR provider: before expiry by the injected clock, and once after a rotation.
 */
@Tag("integration")
class EcrRegistryIntegrationTest {
    static final String ACCOUNT = "111122223333";
    static TestCa ca;
    static TokenService tokens;
    static LocalRegistry registry;
    static TlsSettings trustCa;

    final MutableClock clock = new MutableClock(Instant.now());
    final List<String> obtained = new CopyOnWriteArrayList<>();
    EcrApiStandIn aws;
    @TempDir
    Path home;

    @BeforeAll
    static void startRegistry(@TempDir Path dir) throws Exception {
        ca = TestCa.create();
        trustCa = new TlsSettings(List.of(ca.writeCaPem(Files.createDirectories(dir.resolve("ca")))), false);
        tokens = TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .user("AWS", "no-password-issued-yet").grant("AWS", "team", "pull")
                .ttl(Duration.ofMinutes(5))
                .start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1")), ca).start();
        Path image = TestImages.singleArch(dir.resolve("img"), "linux", "amd64", null, 1024);
        Skopeo.copy(Skopeo.oci(image), registry, "team/app:1.0", PushAuth.of("admin", "admin-pw"), false);
    }

    @AfterAll
    static void stopRegistry() {
        Closer.closeAll(registry, tokens);
    }

    @BeforeEach
    void startAws() {
        aws = EcrApiStandIn.start(clock).user(KEY_ID, SECRET, ACCOUNT, "ci").issuePasswordsTo(tokens)
                .tokenTtl(Duration.ofHours(12));
    }

    @AfterEach
    void stopAws() {
        aws.close();
    }

    private CredentialLease lease() {
        RegistryConfig entry = Contexts.entry(registry.host(), Map.of("region", "us-east-1", "registry_id", ACCOUNT));
        CloudCredentialSource source = new CloudCredentialSource(StellaConfig.of(List.of(entry)),
                CredentialProviders.installed(), Contexts.keysEnv(aws), home, clock);
        return new CredentialResolver(List.of(source)).lease(registry.host(), RefreshPolicy.of(entry), clock,
                new CredentialLease.Listener() {
                    @Override
                    public void obtained(ResolvedCredential credential, Instant at, Optional<Instant> refreshAt, String reason) {
                        obtained.add(reason);
                    }
                });
    }

    private RegistryClient client(CredentialLease lease) {
        return RegistryClient.builder(Endpoint.parse(registry.host(), false))
                .environment(Map.of())
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(10))
                        .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .tls(trustCa)
                .clock(clock)
                .credential(lease)
                .build();
    }

    private static ImageReference app() {
        return ImageReference.parse(registry.host() + "/team/app:1.0");
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private int tokenRequestsWith(String password, int from) {
        List<RecordedRequest> all = tokens.requests();
        return (int) all.subList(from, all.size()).stream()
                .filter(r -> r.header("authorization").map(basic(password)::equals).orElse(false)).count();
    }

    @Test
    void pullsWithTheIssuedPasswordAndReportsItsExpiry() {
        int before = tokens.requests().size();
        CredentialLease lease = lease();
        RegistryClient client = client(lease);

        assertThat(client.resolve(app(), Optional.empty()).manifest().layers()).hasSize(1);
        assertThat(aws.calls("ecr:GetAuthorizationToken")).hasSize(1)
                .allSatisfy(c -> assertThat(c.json().path("registryIds").path(0).asText()).isEqualTo(ACCOUNT));
        assertThat(lease.peek().origin().source()).isEqualTo("cloud:ecr");
        assertThat(lease.expiresAt()).as("ECR's expiresAt, 12 h on the injected clock")
                .hasValueSatisfying(at -> assertThat(Duration.between(clock.instant(), at).toMinutes()).isBetween(719L, 720L));
        assertThat(lease.refreshAt()).hasValueSatisfying(at ->
                assertThat(Duration.between(clock.instant(), at).toMinutes()).as("75 % of 12 h").isBetween(539L, 540L));
        assertThat(tokenRequestsWith(aws.lastPassword(), before)).as("the token service saw the ECR password").isPositive();
    }

    @Test
    void aNewPasswordIsFetchedPastThreeQuartersOfItsLifetimeBeforeItExpires() {
        CredentialLease lease = lease();
        RegistryClient client = client(lease);
        client.resolve(app(), Optional.empty());
        String first = aws.lastPassword();

        clock.advance(Duration.ofHours(8)); // two thirds: still fresh
        client.tags("team/app");
        assertThat(aws.calls("ecr:GetAuthorizationToken")).hasSize(1);

        clock.advance(Duration.ofMinutes(61)); // past 9 h = 75 % of 12 h, well before expiry
        assertThat(client.resolve(app(), Optional.empty()).manifest().layers()).hasSize(1);
        assertThat(aws.calls("ecr:GetAuthorizationToken")).hasSize(2);
        assertThat(aws.lastPassword()).isNotEqualTo(first);
        assertThat(lease.renewals()).isEqualTo(1);
        assertThat(obtained).hasSize(2).last().asString().startsWith("due at");
        assertThat(lease.peek().credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class,
                c -> assertThat(c.password().reveal()).isEqualTo(aws.lastPassword()));

        // the old password is dead; a client logging in now does so with the renewed one, without asking ECR again
        int before = tokens.requests().size();
        assertThat(client(lease).resolve(app(), Optional.empty()).manifest().layers()).hasSize(1);
        assertThat(tokenRequestsWith(aws.lastPassword(), before)).isPositive();
        assertThat(tokenRequestsWith(first, before)).isZero();
        assertThat(aws.calls("ecr:GetAuthorizationToken")).hasSize(2);
    }

    @Test
    void aPasswordRotatedMidUseIsReplacedAfterTheRejectionWithOneNewToken() {
        CredentialLease lease = lease();
        client(lease).resolve(app(), Optional.empty());
        aws.rotatePassword(); // the password the lease holds is dead now

        RegistryClient next = client(lease); // a fresh client has no bearer token yet: it must log in again
        assertThat(next.resolve(app(), Optional.empty()).manifest().layers()).hasSize(1);
        assertThat(aws.calls("ecr:GetAuthorizationToken")).as("one after the 401").hasSize(2);
        assertThat(lease.renewals()).isEqualTo(1);
        assertThat(obtained).last().isEqualTo("rejected by the registry");
    }

}
