package io.stella.registry.auth;

import io.stella.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.Secret;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialLeaseTest {
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    private ResolvedCredential credential(String password, Duration lifetime) {
        return new ResolvedCredential(new Credential.UsernamePassword("AWS", Secret.of(password)),
                new CredentialOrigin("cloud:test", "unit"), Optional.ofNullable(lifetime).map(clock.instant()::plus));
    }

    @Test
    void refreshPolicyTakesTheEarliestOfIntervalAndLifetimeFraction() {
        RefreshPolicy policy = new RefreshPolicy(true, Optional.of(Duration.ofHours(11)), 0.75);
        assertThat(policy.refreshAt(T0, Optional.of(T0.plus(Duration.ofHours(12)))))
                .contains(T0.plus(Duration.ofHours(9)));
        assertThat(policy.refreshAt(T0, Optional.of(T0.plus(Duration.ofHours(24)))))
                .contains(T0.plus(Duration.ofHours(11)));
        assertThat(policy.refreshAt(T0, Optional.empty())).as("no expiry: the interval alone")
                .contains(T0.plus(Duration.ofHours(11)));
        assertThat(RefreshPolicy.DEFAULT.refreshAt(T0, Optional.empty())).as("no expiry, no interval: never").isEmpty();
        assertThat(new RefreshPolicy(false, Optional.of(Duration.ofHours(1)), 0.75)
                .refreshAt(T0, Optional.of(T0.plus(Duration.ofHours(12))))).contains(T0.plus(Duration.ofHours(12)));
        assertThat(policy.describe()).isEqualTo("every 11h or at 75% of its lifetime, whichever is first");
        assertThatThrownBy(() -> new RefreshPolicy(true, Optional.of(Duration.ZERO), 0.75))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedRenewalKeepsTheStillValidCredentialAndTriesAgainLater() {
        List<String> failures = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        ResolvedCredential first = credential("one", Duration.ofHours(12));
        CredentialLease lease = new CredentialLease(first, Optional.of(() -> {
            calls.incrementAndGet();
            throw RegistryException.builder(FailureCode.NETWORK_TIMEOUT, "cloud API timed out").build();
        }), RefreshPolicy.DEFAULT, clock, new CredentialLease.Listener() {
            @Override
            public void renewalFailed(RegistryException failure, Instant at) {
                failures.add(failure.code() + " at " + at);
            }
        });

        clock.set(T0.plus(Duration.ofHours(10)));
        assertThat(lease.current()).isSameAs(first);
        assertThat(lease.current()).as("not retried on every request").isSameAs(first);
        assertThat(calls).hasValue(1);
        assertThat(failures).containsExactly("NETWORK_TIMEOUT at " + T0.plus(Duration.ofHours(10)));
        assertThat(lease.refreshAt()).contains(T0.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(12)));

        clock.set(T0.plus(Duration.ofHours(12)));
        assertThatThrownBy(lease::current).as("expired and not renewable: the failure surfaces")
                .isInstanceOf(RegistryException.class);
    }

    @Test
    void aRejectedCredentialIsRenewedOnceEvenWhenManyRequestsSawIt() {
        AtomicInteger calls = new AtomicInteger();
        ResolvedCredential first = credential("one", Duration.ofHours(12));
        CredentialLease lease = new CredentialLease(first, Optional.of(() -> credential("n" + calls.incrementAndGet(),
                Duration.ofHours(12))), RefreshPolicy.DEFAULT, clock, CredentialLease.Listener.NONE);

        assertThat(lease.renewAfterRejection(first)).isTrue();
        assertThat(lease.renewAfterRejection(first)).as("another request already renewed it").isTrue();
        assertThat(calls).hasValue(1);
        assertThat(CredentialLease.fixed(first).renewAfterRejection(first)).isFalse();
    }

    @Test
    void aSourceThatGivesTheSameRejectedSecretAgainIsNotRetried() {
        ResolvedCredential first = credential("static", null);
        CredentialLease lease = new CredentialLease(first, Optional.of(() -> credential("static", null)),
                RefreshPolicy.DEFAULT, clock, CredentialLease.Listener.NONE);

        assertThat(lease.renewAfterRejection(first)).as("re-sending it would only count towards a lockout").isFalse();
    }

    @Test
    void anAlreadyExpiredCredentialFromTheSourceIsNotFetchedOnEveryRequest() {
        AtomicInteger calls = new AtomicInteger();
        CredentialLease lease = new CredentialLease(credential("old", Duration.ofSeconds(-5)), Optional.of(() -> {
            calls.incrementAndGet();
            return credential("old", Duration.ofSeconds(-5));
        }), RefreshPolicy.DEFAULT, clock, CredentialLease.Listener.NONE);

        lease.current();
        lease.current();

        assertThat(calls).hasValue(0);
        assertThat(lease.refreshAt()).contains(T0.plusSeconds(30));
    }
}
