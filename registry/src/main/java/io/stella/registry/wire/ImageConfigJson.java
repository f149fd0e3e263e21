package io.stella.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The platform fields of an image config blob. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfigJson(String os, String architecture, String variant, String created) {
}
