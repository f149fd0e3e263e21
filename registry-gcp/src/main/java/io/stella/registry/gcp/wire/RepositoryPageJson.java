package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of {@code GET /v1/projects/{project}/locations/{location}/repositories}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepositoryPageJson(List<RepositoryJson> repositories, String nextPageToken) {
    public RepositoryPageJson {
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }
}
