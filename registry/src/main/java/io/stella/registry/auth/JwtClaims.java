package io.stella.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code access} claim of a distribution JWT, unverified: the registry verifies the token;
 * stella only reads what was granted so that it can tell "denied" from "not found".
 */
final class JwtClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtClaims() {
    }

    static Optional<List<Scope>> grantedAccess(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode access = claims.get("access");
            if (access == null || !access.isArray()) {
                return claims.isObject() && access == null ? Optional.of(List.of()) : Optional.empty();
            }
            List<Scope> scopes = new ArrayList<>();
            for (JsonNode entry : access) {
                List<String> actions = new ArrayList<>();
                entry.path("actions").forEach(a -> actions.add(a.asText()));
                scopes.add(new Scope(entry.path("type").asText(), entry.path("name").asText(), actions));
            }
            return Optional.of(scopes);
        } catch (IllegalArgumentException | java.io.IOException notJwt) {
            return Optional.empty();
        }
    }
}
