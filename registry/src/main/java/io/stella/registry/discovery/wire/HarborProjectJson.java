package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One element of Harbor v2's {@code GET /api/v2.0/projects} array. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarborProjectJson(@JsonProperty("project_id") Long projectId, String name) {
}
