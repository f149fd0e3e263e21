package io.stella.registry.auth;

import io.stella.registry.failure.RegistryException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The credential a client presents, renewed by itself: before it expires (see {@link RefreshPolicy}) and once
 * when the registry rejects it. A credential that cannot be renewed (typed on the command line) is a fixed
 * lease. A renewal that fails while the current credential is still valid keeps the current one and reports
 * the failure, so a cloud API hiccup does not stop a scan that could go on.
 */
public final class CredentialLease {

    /** Fetches the credential again from where it came from. */
    @FunctionalInterface
    public interface Renewal {
        ResolvedCredential renew();
    }

    /** Told about every credential obtained and every renewal that failed, e.g. to record them. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void obtained(ResolvedCredential credential, Instant at, Optional<Instant> refreshAt, String reason) {
        }

        default void renewalFailed(RegistryException failure, Instant at) {
        }
    }

    private static final java.time.Duration RETRY_EXPIRED = java.time.Duration.ofSeconds(30);

    private final Optional<Renewal> renewal;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final Listener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ResolvedCredential current;
    private volatile Instant obtainedAt;
    private volatile Optional<Instant> refreshAt;
    private volatile int renewals;

    public CredentialLease(ResolvedCredential first, Optional<Renewal> renewal, RefreshPolicy policy, Clock clock,
                           Listener listener) {
        this.renewal = Objects.requireNonNull(renewal);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.listener = Objects.requireNonNull(listener);
        install(Objects.requireNonNull(first), "first use");
    }

    /** A credential that is never renewed. */
    public static CredentialLease fixed(ResolvedCredential credential) {
        return new CredentialLease(credential, Optional.empty(), RefreshPolicy.DEFAULT, Clock.systemUTC(), Listener.NONE);
    }

    /** The credential to present now, renewed first when it is due. */
    public ResolvedCredential current() {
        Optional<Instant> due = refreshAt;
        if (renewal.isPresent() && due.isPresent() && !clock.instant().isBefore(due.get())) {
            lock.lock();
            try {
                Optional<Instant> stillDue = refreshAt;
                if (stillDue.isPresent() && !clock.instant().isBefore(stillDue.get())) {
                    renew("due at " + stillDue.get(), false);
                }
            } finally {
                lock.unlock();
            }
        }
        return current;
    }

    /** The credential as it is, without renewing: for messages. */
    public ResolvedCredential peek() {
        return current;
    }

    /** Whether this lease can fetch its credential again. */
    public boolean renewable() {
        return renewal.isPresent();
    }

    /**
     * The registry rejected {@code rejected}: fetch the credential again, unless another request already did.
     *
     * @return whether a credential with a different secret is now current (only then is retrying worth it)
     * @throws RegistryException when the renewal itself fails
     */
    public boolean renewAfterRejection(ResolvedCredential rejected) {
        if (renewal.isEmpty()) {
            return false;
        }
        lock.lock();
        try {
            if (current == rejected) {
                renew("rejected by the registry", true);
            }
            // the same secret again (a static file re-read) would only be rejected again, and count towards a lockout
            return !current.credential().equals(rejected.credential());
        } finally {
            lock.unlock();
        }
    }

    public Instant obtainedAt() {
        return obtainedAt;
    }

    /** When the current credential stops working, when known: from its source, else from its own JWT {@code exp}. */
    public Optional<Instant> expiresAt() {
        return expiryOf(current);
    }

    /** When the current credential will be renewed; empty when never (not renewable, or no expiry and no interval). */
    public Optional<Instant> refreshAt() {
        return renewal.isPresent() ? refreshAt : Optional.empty();
    }

    /** How many times the credential was fetched again. */
    public int renewals() {
        return renewals;
    }

    public RefreshPolicy policy() {
        return policy;
    }

    private void renew(String reason, boolean mustReplace) {
        ResolvedCredential fresh;
        try {
            fresh = renewal.orElseThrow().renew();
        } catch (RegistryException e) {
            listener.renewalFailed(e, clock.instant());
            Optional<Instant> expiry = expiryOf(current);
            boolean stillValid = expiry.map(clock.instant()::isBefore).orElse(true);
            if (mustReplace || !stillValid) {
                throw e;
            }
            // keep the valid credential; try again after a tenth of what is left, at least a second
            Instant now = clock.instant();
            long left = expiry.map(x -> java.time.Duration.between(now, x).toMillis()).orElse(60_000L);
            refreshAt = Optional.of(now.plusMillis(Math.max(1000, left / 10)));
            return;
        }
        renewals++;
        install(fresh, reason);
    }

    private void install(ResolvedCredential credential, String reason) {
        Instant now = clock.instant();
        current = credential;
        obtainedAt = now;
        Optional<Instant> due = policy.refreshAt(now, expiryOf(credential));
        // a source that hands out an already expired credential is asked again in a while, not on every request
        refreshAt = due.map(d -> d.isAfter(now) ? d : now.plus(RETRY_EXPIRED));
        listener.obtained(credential, now, refreshAt(), reason);
    }

    private static Optional<Instant> expiryOf(ResolvedCredential credential) {
        return credential.expiresAt().or(() -> CredentialExpiry.of(credential.credential()));
    }
}
