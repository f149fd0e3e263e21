package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of {@code GET /v1/projects/{project}/locations/{location}/repositories/{repository}/dockerImages}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerImagePageJson(List<DockerImageJson> dockerImages, String nextPageToken) {
    public DockerImagePageJson {
        dockerImages = dockerImages == null ? List.of() : List.copyOf(dockerImages);
    }
}
