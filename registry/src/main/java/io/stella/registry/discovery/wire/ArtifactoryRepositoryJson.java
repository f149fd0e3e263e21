package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One element of Artifactory's {@code GET /api/repositories} array; type is LOCAL, REMOTE, VIRTUAL or
 * FEDERATED.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArtifactoryRepositoryJson(String key, String type, String packageType) {
}
