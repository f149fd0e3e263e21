package io.stella.registry.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** JWT texts for tests, with a placeholder signature (nothing in these tests verifies it). */
final class JwtTexts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JwtTexts() {
    }

    static String unsigned(Map<String, Object> claims) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "kid", "test", "typ", "JWT")))
                    + "." + URL.encodeToString(JSON.writeValueAsBytes(claims)) + "."
                    + URL.encodeToString("not-verified".getBytes(StandardCharsets.US_ASCII));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
