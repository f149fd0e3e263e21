package io.stella.cli;

import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.time.Instant;
import java.util.Optional;

/** Pings a configured registry and authenticates to it, as {@code registry test} does, and sums up the outcome. */
final class RegistryProbe {

    /**
     * @param status      ok, auth_failed, tls_error, unreachable, rate_limited or unknown
     * @param failure     what went wrong, when it did
     * @param authMethod  none, basic or bearer, when the registry answered
     * @param token       the token fetched, for bearer registries
     */
    record Outcome(String status, Optional<RegistryException> failure, Instant checkedAt, Optional<String> authMethod,
                   Optional<BearerToken> token) {
    }

    private RegistryProbe() {
    }

    static Outcome check(RegistryAccess access, StellaConfig config, RegistryConfig registry,
                         Optional<ResolvedCredential> credential) {
        Instant checkedAt = Instant.now();
        Optional<String> method = Optional.empty();
        try {
            RegistryClient client = access.clientFor(config, registry, credential);
            client.ping();
            method = Optional.of(client.session().authScheme());
            client.authenticate();
            Optional<BearerToken> token = method.get().equals("bearer")
                    && !(client.session().credential().credential() instanceof Credential.RegistryToken)
                    ? client.session().tokenFor(Optional.empty()) : Optional.empty();
            token.ifPresent(t -> access.recorder(registry.hostKey()).token(t.issuedAt(), t.expiresAt()));
            return new Outcome("ok", Optional.empty(), checkedAt, method, token);
        } catch (RegistryException e) {
            return new Outcome(status(e.code()), Optional.of(e), checkedAt, method, Optional.empty());
        }
    }

    static String status(FailureCode code) {
        String name = code.name();
        if (name.startsWith("AUTH_")) {
            return "auth_failed";
        }
        if (name.startsWith("TLS_") || code == FailureCode.INSECURE_NOT_ALLOWED) {
            return "tls_error";
        }
        if (name.startsWith("NETWORK_")) {
            return "unreachable";
        }
        if (code == FailureCode.REGISTRY_RATE_LIMITED) {
            return "rate_limited";
        }
        return "unknown";
    }
}
