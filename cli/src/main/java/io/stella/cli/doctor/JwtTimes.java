package io.stella.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code iat} and {@code exp} claims of a JWT, unverified: only for reporting. Reads nothing else, so no
 * part of the token can end up in output.
 */
record JwtTimes(Optional<Instant> issuedAt, Optional<Instant> expiresAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty when the text is not a JWT with a JSON claims part. */
    static Optional<JwtTimes> of(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new JwtTimes(seconds(claims.get("iat")), seconds(claims.get("exp"))));
        } catch (IllegalArgumentException | java.io.IOException notJwt) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> seconds(JsonNode node) {
        return node != null && node.isNumber() ? Optional.of(Instant.ofEpochSecond(node.asLong())) : Optional.empty();
    }
}
