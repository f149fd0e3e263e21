package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of Nexus 3's {@code GET /service/rest/v1/components?repository=…}; {@code continuationToken}
 * is null on the last. A docker component is one tag: {@code name} is the image repository, {@code version}
 * the tag.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NexusComponentPageJson(List<Component> items, String continuationToken) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String name, String version, String format) {
    }
}
