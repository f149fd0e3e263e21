package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Google's JSON error body, {@code {"error":{"code":403,"message":"…","status":"PERMISSION_DENIED"}}}, and
 * the OAuth 2.0 form {@code {"error":"invalid_grant","error_description":"…"}} of the token endpoints (STS,
 * oauth2.googleapis.com); exactly one of {@link #error()} and {@link #oauthError()} is set.
 */
public record GoogleErrorJson(Status error, String oauthError, String oauthDescription) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(Integer code, String message, String status) {
    }
}
