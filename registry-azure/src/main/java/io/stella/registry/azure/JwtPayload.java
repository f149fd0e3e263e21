package io.stella.registry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The claims of a JWT, read without verifying it: Entra ID and ACR verify their tokens; stella only reads who
 * it is ({@code oid}, {@code appid}, {@code tid}) and when the token ends ({@code exp}).
 */
record JwtPayload(JsonNode claims) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<JwtPayload> of(String token) {
        String[] parts = token.strip().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims != null && claims.isObject() ? Optional.of(new JwtPayload(claims)) : Optional.empty();
        } catch (IllegalArgumentException | IOException notJwt) {
            return Optional.empty();
        }
    }

    Optional<String> text(String name) {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isArray() ? joined(value) : value.asText()).filter(s -> !s.isEmpty());
    }

    Optional<Instant> expiry() {
        JsonNode exp = claims.get("exp");
        return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
                : Optional.empty();
    }

    private static String joined(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(item -> text.append(text.isEmpty() ? "" : ",").append(item.asText()));
        return text.toString();
    }
}
