package io.stella.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v2/_catalog}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogJson(List<String> repositories) {
}
