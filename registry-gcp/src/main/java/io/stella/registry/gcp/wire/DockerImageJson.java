package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An Artifact Registry {@code DockerImage}: one manifest, e.g. {@code uri}
 * {@code us-west4-docker.pkg.dev/my-project/my-repo/hello@sha256:e9954c1f…}, its tags and RFC 3339 times.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerImageJson(String name, String uri, List<String> tags, String imageSizeBytes, String uploadTime,
                              String mediaType, String buildTime, String updateTime) {
    public DockerImageJson {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
