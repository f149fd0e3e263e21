package io.stella.registry.discovery.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of Quay's {@code GET /api/v1/repository}; {@code next_page} is absent on the last. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuayRepositoryPageJson(List<Repository> repositories, @JsonProperty("next_page") String nextPage) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Repository(String namespace, String name, String kind) {
    }
}
