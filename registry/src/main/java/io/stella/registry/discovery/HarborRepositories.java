package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.HarborRepositoryJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v2.0/projects/{project_name}/repositories}, all pages. Harbor names repositories in full
 * ({@code library/nginx}), as image references do.
 */
final class HarborRepositories {
    // Harbor 2.2+ takes an all-digit {project_name_or_id} for an id unless told it is a name; older ones ignore this.
    private static final Map<String, String> BY_NAME = Map.of("X-Is-Resource-Name", "true");

    private HarborRepositories() {
    }

    /** @return empty when Harbor has no such project (or hides it) */
    static Optional<List<String>> list(VendorApi api, String project) {
        String what = "the repositories of project " + project;
        URI first = pageUrl(api, project, 1);
        return HarborPages.readAll(api, page -> pageUrl(api, project, page), BY_NAME, HarborRepositoryJson[].class,
                        what, false)
                .map(repos -> repos.stream()
                        .map(r -> VendorNames.require(api, first, r == null ? null : r.name(), "a repository"))
                        .toList());
    }

    private static URI pageUrl(VendorApi api, String project, int page) {
        return api.url("api/v2.0/projects/" + VendorApi.pathSegment(project) + "/repositories?page=" + page
                + "&page_size=" + HarborPages.PAGE_SIZE);
    }
}
