package io.stella.registry.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.gcp.wire.GoogleErrorJson;
import java.io.IOException;
import java.util.Optional;

/** Reads an error body of a Google API or token endpoint into {@link GoogleErrorJson}. */
final class GoogleErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleErrors() {
    }

    static Optional<GoogleErrorJson> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            if (error == null) {
                return Optional.empty();
            }
            if (error.isObject()) {
                return Optional.of(new GoogleErrorJson(JSON.treeToValue(error, GoogleErrorJson.Status.class), null, null));
            }
            return Optional.of(new GoogleErrorJson(null, error.asText(),
                    root.hasNonNull("error_description") ? root.get("error_description").asText() : null));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The status name ({@code PERMISSION_DENIED}) or OAuth error code ({@code invalid_grant}) of a parsed error. */
    static String code(GoogleErrorJson error) {
        return error.error() != null ? String.valueOf(error.error().status()) : error.oauthError();
    }

    /** The human message of a parsed error. */
    static String message(GoogleErrorJson error) {
        return error.error() != null ? error.error().message() : error.oauthDescription();
    }
}
