package io.stella.registry.it;

import io.stella.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.ImageReference;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.RefreshPolicy;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.sources.CredentialResolver;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.http.TlsSettings;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestCa;
import io.stella.testing.TestImages;
import io.stella.testing.TokenService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short-lived credential the way a cloud issues it (a new password per request, valid for a while, the old one
 * dead once rotated) against the real registry and token service: the lease renews it before expiry and after a
 * rejection, so a scan that outlives it does not fail.
 */
@Tag("integration")
class CredentialLeaseIntegrationTest {
    static TestCa ca;
    static TokenService tokens;
    static LocalRegistry registry;
    static TlsSettings trustCa;

    @BeforeAll
    static void start(@TempDir Path dir) {
        ca = TestCa.create();
        trustCa = Clients.trusting(ca, dir.resolve("ca"));
        tokens = TokenService.builder(ca)
                .user("admin", "admin-pw").grant("admin", "*", "pull", "push")
                .user("AWS", "not-issued-yet").grant("AWS", "*", "pull")
                .ttl(Duration.ofMinutes(5))
                .start();
        registry = LocalRegistry.builder().token(tokens).tls(ca.issueServer(List.of("127.0.0.1")), ca).start();
        Path image = TestImages.singleArch(dir.resolve("img"), "linux", "amd64", null, 64 * 1024);
        for (String repo : List.of("team-a/app", "team-b/app", "team-c/app")) {
            Skopeo.copy(Skopeo.oci(image), registry, repo + ":1.0", PushAuth.of("admin", "admin-pw"), false);
        }
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, tokens);
    }

    /** Issues a new password on each lookup, valid for 12 h by the test's clock; the previous one stops working. */
    static final class IssuingSource implements CredentialSource {
        final MutableClock clock;
        final AtomicInteger issued = new AtomicInteger();

        IssuingSource(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public Optional<ResolvedCredential> lookup(String registryHost) {
            String password = "issued-" + UUID.randomUUID();
            tokens.setPassword("AWS", password);
            issued.incrementAndGet();
            return Optional.of(new ResolvedCredential(new Credential.UsernamePassword("AWS", Secret.of(password)),
                    new CredentialOrigin("cloud:test", "issuing source"), Optional.of(clock.instant().plus(Duration.ofHours(12)))));
        }

        @Override
        public boolean renewable() {
            return true;
        }

        @Override
        public String describe() {
            return "issuing source";
        }
    }

    static final class Recorder implements CredentialLease.Listener {
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void obtained(ResolvedCredential credential, Instant at, Optional<Instant> refreshAt, String reason) {
            reasons.add(reason);
        }
    }

    private static ImageReference ref(String repo) {
        return ImageReference.parse(registry.host() + "/" + repo + ":1.0");
    }

    @Test
    void aCredentialDueForRefreshIsRenewedBeforeItExpires() {
        var clock = new MutableClock(Instant.now());
        IssuingSource source = new IssuingSource(clock);
        Recorder recorder = new Recorder();
        CredentialLease lease = new CredentialResolver(List.of(source)).lease(registry.host(),
                new RefreshPolicy(true, Optional.empty(), 0.75), clock, recorder);
        RegistryClient client = Clients.builder(registry.host()).credential(lease).tls(trustCa).clock(clock).build();

        client.resolve(ref("team-a/app"), Optional.empty());
        assertThat(lease.refreshAt()).contains(lease.obtainedAt().plus(Duration.ofHours(9)));

        clock.advance(Duration.ofHours(9).plusMinutes(1));
        client.resolve(ref("team-b/app"), Optional.empty());

        assertThat(source.issued).as("renewed once, at 75% of the 12 h lifetime").hasValue(2);
        assertThat(recorder.reasons).hasSize(2);
        assertThat(recorder.reasons.get(1)).startsWith("due at ");
        assertThat(lease.expiresAt()).contains(clock.instant().plus(Duration.ofHours(12)));
    }

    @Test
    void theRefreshIntervalComesFirstWhenShorter() {
        var clock = new MutableClock(Instant.now());
        IssuingSource source = new IssuingSource(clock);
        CredentialLease lease = new CredentialResolver(List.of(source)).lease(registry.host(),
                new RefreshPolicy(true, Optional.of(Duration.ofHours(1)), 0.75), clock, CredentialLease.Listener.NONE);
        RegistryClient client = Clients.builder(registry.host()).credential(lease).tls(trustCa).clock(clock).build();
        client.resolve(ref("team-a/app"), Optional.empty());

        clock.advance(Duration.ofMinutes(61));
        client.resolve(ref("team-b/app"), Optional.empty());

        assertThat(source.issued).hasValue(2);
    }

    @Test
    void aCredentialRevokedMidUseIsFetchedAgainAfterTheRejection() {
        var clock = new MutableClock(Instant.now());
        IssuingSource source = new IssuingSource(clock);
        Recorder recorder = new Recorder();
        CredentialLease lease = new CredentialResolver(List.of(source)).lease(registry.host(), RefreshPolicy.DEFAULT,
                clock, recorder);
        RegistryClient client = Clients.builder(registry.host()).credential(lease).tls(trustCa).clock(clock).build();
        client.resolve(ref("team-a/app"), Optional.empty());

        tokens.setPassword("AWS", "rotated-elsewhere-" + UUID.randomUUID()); // the issued one is dead,
        tokens.revokeAllRefreshTokens(); // and so is the login it made
        client.resolve(ref("team-c/app"), Optional.empty());

        assertThat(source.issued).as("one renewal after the token service rejected the dead credential").hasValue(2);
        assertThat(recorder.reasons).containsExactly("first use", "rejected by the registry");
    }

    @Test
    void withoutAutoRefreshOnlyAnExpiredCredentialIsRenewed() {
        var clock = new MutableClock(Instant.now());
        IssuingSource source = new IssuingSource(clock);
        CredentialLease lease = new CredentialResolver(List.of(source)).lease(registry.host(),
                new RefreshPolicy(false, Optional.of(Duration.ofHours(1)), 0.75), clock, CredentialLease.Listener.NONE);
        RegistryClient client = Clients.builder(registry.host()).credential(lease).tls(trustCa).clock(clock).build();
        client.resolve(ref("team-a/app"), Optional.empty());

        clock.advance(Duration.ofHours(11));
        client.resolve(ref("team-b/app"), Optional.empty());
        assertThat(source.issued).as("not yet expired: kept").hasValue(1);

        clock.advance(Duration.ofHours(2));
        client.resolve(ref("team-c/app"), Optional.empty());
        assertThat(source.issued).as("expired: renewed").hasValue(2);
    }
}
