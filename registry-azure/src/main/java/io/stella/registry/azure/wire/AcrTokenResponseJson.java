package io.stella.registry.azure.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** ACR's answer to {@code POST /oauth2/token} with a refresh token: {@code {"access_token": "<JWT>"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcrTokenResponseJson(@JsonProperty("access_token") String accessToken) {
}
