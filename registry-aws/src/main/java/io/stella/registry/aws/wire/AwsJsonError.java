package io.stella.registry.aws.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An AWS JSON protocol error body: {@code {"__type": "…#AccessDeniedException", "message": "…"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwsJsonError(@JsonProperty("__type") String type, @JsonProperty("message") String message,
                           @JsonProperty("Message") String capitalMessage) {

    /** The error code without the shape's namespace. */
    public String code() {
        if (type == null) {
            return "UnknownError";
        }
        String code = type.substring(type.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }

    public String text() {
        return message != null ? message : capitalMessage;
    }
}
