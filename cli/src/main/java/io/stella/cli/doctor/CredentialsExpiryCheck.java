package io.stella.cli.doctor;

import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.RegistryException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each registry's credentials stop working. The 24-hour rule applies to long-lived credentials (an
 * expiry the credential source reports, a JWT used as password or identity token): registry bearer tokens
 * live minutes by design and are fetched again as needed, so their lifetime is reported, not judged,
 * unless they arrive already expired.
 */
public final class CredentialsExpiryCheck implements PerRegistryCheck {
    public static final String ID = "check.scanner.credentials-expiry";
    static final Duration EXPIRY_WARNING = Duration.ofHours(24);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "each registry's credentials: expired fails, expiring within 24 h warns; token lifetime";
    }

    @Override
    public CheckResult check(DoctorContext context, RegistryTarget target) {
        String subject = target.subject();
        RegistryClient client;
        try {
            client = context.registries().clientFor(target);
        } catch (RegistryException e) {
            return CheckResult.skip(ID, subject, "credentials cannot be resolved (" + e.code() + ")",
                    "see " + RegistryAuthCheck.ID + " or " + CredentialHelpersCheck.ID);
        }
        ResolvedCredential credential = client.session().credential();
        if (credential.isAnonymous()) {
            return CheckResult.skip(ID, subject, "no credentials configured: anonymous access", null);
        }
        Instant now = context.clock().instant();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("credential", credential.credential().kind() + " from " + credential.origin());
        Optional<Instant> expiry = credential.expiresAt();
        expiry.ifPresent(at -> evidence.put("source_expires_at", at.toString()));
        Optional<Instant> jwtExpiry = jwtSecret(credential.credential()).flatMap(JwtTimes::of).flatMap(JwtTimes::expiresAt);
        jwtExpiry.ifPresent(at -> evidence.put("jwt_exp", at.toString()));
        Optional<Instant> earliest = jwtExpiry.isEmpty() ? expiry
                : expiry.map(at -> at.isBefore(jwtExpiry.get()) ? at : jwtExpiry.get()).or(() -> jwtExpiry);
        Optional<CheckResult> token = registryToken(client, subject, evidence, now);
        if (earliest.isPresent()) {
            Duration left = Duration.between(now, earliest.get());
            if (left.isNegative() || left.isZero()) {
                return new CheckResult(ID, subject, CheckResult.Status.FAIL, "the credential expired at "
                        + earliest.get(), evidence, "Renew the credential from " + credential.origin() + ".");
            }
            var lease = client.session().lease();
            if (credential.origin().source().startsWith("cloud:") && lease.policy().auto()
                    && lease.refreshAt().isPresent()) {
                // a cloud provider issues a new one before this one expires: short lifetimes are its design
                evidence.put("next_refresh", lease.refreshAt().get().toString());
                return token.orElse(CheckResult.pass(ID, subject, "the " + credential.origin().source()
                        + " credential expires at " + earliest.get() + " and is renewed automatically at "
                        + lease.refreshAt().get(), evidence));
            }
            if (left.compareTo(EXPIRY_WARNING) < 0) {
                return new CheckResult(ID, subject, CheckResult.Status.WARN, "the credential expires in "
                        + left.toHours() + " h " + left.toMinutesPart() + " min (" + earliest.get() + ")", evidence,
                        "Renew the credential from " + credential.origin() + " before it expires.");
            }
        }
        if (token.isPresent()) {
            return token.get();
        }
        return CheckResult.pass(ID, subject, earliest.map(at -> "the credential expires at " + at)
                .orElse("the credential has no known expiry"), evidence);
    }

    /** The bearer token the registry issues now: reported; a failure only when it is expired on arrival. */
    private static Optional<CheckResult> registryToken(RegistryClient client, String subject,
                                                       Map<String, String> evidence, Instant now) {
        Optional<BearerToken> token;
        try {
            if (!client.session().authScheme().equals("bearer")
                    || client.session().credential().credential() instanceof Credential.RegistryToken) {
                return Optional.empty();
            }
            token = client.session().tokenFor(Optional.empty());
        } catch (RegistryException e) {
            evidence.put("registry_token", "not obtained: " + e.code() + " (see " + RegistryAuthCheck.ID + ")");
            return Optional.empty();
        }
        if (token.isEmpty()) {
            return Optional.empty();
        }
        BearerToken t = token.get();
        evidence.put("registry_token_lifetime", t.lifetime().toSeconds() + " s");
        evidence.put("registry_token_expires_at", t.expiresAt().toString());
        if (!t.expiresAt().isAfter(now)) {
            return Optional.of(new CheckResult(ID, subject, CheckResult.Status.FAIL,
                    "the token service issued a token that is already expired (" + t.expiresAt() + ")", evidence,
                    "Check the token service's clock and token lifetime setting (see " + ClockSkewCheck.ID + ")."));
        }
        return Optional.of(CheckResult.pass(ID, subject, "registry tokens live " + t.lifetime().toSeconds()
                + " s and are renewed automatically", evidence));
    }

    private static Optional<String> jwtSecret(Credential credential) {
        return switch (credential) {
            case Credential.UsernamePassword up -> Optional.of(up.password().reveal());
            case Credential.IdentityToken it -> Optional.of(it.token().reveal());
            case Credential.RegistryToken rt -> Optional.of(rt.token().reveal());
            case Credential.Anonymous a -> Optional.empty();
        };
    }
}
