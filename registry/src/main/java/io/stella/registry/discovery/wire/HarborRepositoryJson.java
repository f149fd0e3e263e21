package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of Harbor v2's {@code GET /api/v2.0/projects/{project_name}/repositories} array; {@code name}
 * includes the project ({@code library/nginx}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarborRepositoryJson(Long id, String name, @JsonProperty("artifact_count") Long artifactCount) {
}
