package io.stella.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * When a credential stops working, when it says so itself: a JWT (identity token, registry token, or a
 * token used as password) carries {@code exp}. Read unverified: the registry verifies; stella only warns
 * ahead of time. Passwords and opaque tokens have no known expiry.
 */
public final class CredentialExpiry {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialExpiry() {
    }

    public static Optional<Instant> of(Credential credential) {
        return switch (credential) {
            case Credential.Anonymous a -> Optional.empty();
            case Credential.UsernamePassword up -> jwtExpiry(up.password().reveal());
            case Credential.IdentityToken it -> jwtExpiry(it.token().reveal());
            case Credential.RegistryToken rt -> jwtExpiry(rt.token().reveal());
        };
    }

    static Optional<Instant> jwtExpiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].startsWith("eyJ")) {
            return Optional.empty();
        }
        try {
            JsonNode exp = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("exp");
            return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
                    : Optional.empty();
        } catch (IllegalArgumentException | IOException notJwt) {
            return Optional.empty();
        }
    }
}
