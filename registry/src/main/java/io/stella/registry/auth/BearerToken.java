package io.stella.registry.auth;

import io.stella.registry.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registry bearer token and what is known of it.
 *
 * @param granted the access the token grants, when it is a JWT whose claims say so; empty when opaque
 */
public record BearerToken(Secret token, Instant issuedAt, Instant expiresAt, Optional<Secret> refreshToken,
                          Optional<List<Scope>> granted) {

    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }

    /** When to fetch a new token: {@code fraction} of the lifetime after issue. */
    public Instant refreshAt(double fraction) {
        long millis = (long) (lifetime().toMillis() * fraction);
        return issuedAt.plusMillis(millis);
    }

    /** True or false when the claims tell; empty for opaque tokens. */
    public Optional<Boolean> grants(Scope requested) {
        return granted.map(list -> list.stream().anyMatch(g -> g.covers(requested)));
    }
}
