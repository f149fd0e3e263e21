package io.stella.registry.azure.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** ACR's answer to {@code POST /oauth2/exchange}: {@code {"refresh_token": "<JWT>"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcrExchangeResponseJson(@JsonProperty("refresh_token") String refreshToken) {
}
