package io.stella.registry.azure;

import io.stella.registry.Secret;
import java.time.Instant;
import java.util.Optional;

/** An Entra ID access token with its expiry and its (unverified) claims. */
record AadToken(Secret token, Instant expiresAt, Optional<JwtPayload> claims) {

    static AadToken of(String token, Instant expiresAt) {
        return new AadToken(Secret.of(token), expiresAt, JwtPayload.of(token));
    }

    Optional<String> claim(String name) {
        return claims.flatMap(c -> c.text(name));
    }
}
