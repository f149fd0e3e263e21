package io.stella.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The distribution spec's error body: {@code {"errors":[{"code","message","detail"}]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorsJson(List<Entry> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String code, String message) {
    }
}
