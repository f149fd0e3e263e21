package io.stella.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A token service's answer (distribution token spec and OAuth2 form). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponseJson(
        String token,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("issued_at") String issuedAt,
        @JsonProperty("refresh_token") String refreshToken) {
}
