package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An Artifact Registry {@code Repository}: {@code name} is
 * {@code projects/<project>/locations/<location>/repositories/<repository>}, {@code format} e.g. {@code DOCKER}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepositoryJson(String name, String format, String description, String createTime, String updateTime) {
}
