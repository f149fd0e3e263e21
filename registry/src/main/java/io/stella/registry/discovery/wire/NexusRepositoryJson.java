package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One element of Nexus 3's {@code GET /service/rest/v1/repositories} array; type is hosted, proxy or group. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NexusRepositoryJson(String name, String format, String type) {
}
