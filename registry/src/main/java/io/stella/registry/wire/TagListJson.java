package io.stella.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code GET /v2/<name>/tags/list}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagListJson(String name, List<String> tags) {
}
