package io.stella.registry.discovery;

import io.stella.registry.client.LinkPagination;
import io.stella.registry.wire.CatalogJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/docker/{repo-key}/v2/_catalog}: the image names in one Artifactory docker repository. No
 * {@code n} is sent, so no page size is imposed whose continuation could be got wrong (Artifactory versions
 * differ on what {@code last} holds); a {@code Link: <…>; rel="next"} header, when sent, is followed.
 */
final class ArtifactoryCatalog {
    private ArtifactoryCatalog() {
    }

    /** @return empty when Artifactory has no such repository (or hides it) */
    static Optional<List<String>> names(VendorApi api, String key) {
        String what = "the catalog of repository " + key;
        URI first = api.url("api/docker/" + VendorApi.pathSegment(key) + "/v2/_catalog");
        List<String> names = new ArrayList<>();
        Set<URI> requested = new HashSet<>();
        URI url = first;
        for (int page = 1; page <= VendorApi.MAX_PAGES; page++) {
            requested.add(url);
            Optional<VendorPage<CatalogJson>> answer = api.get(url, Map.of(), CatalogJson.class, what, false);
            if (answer.isEmpty()) {
                if (page == 1) {
                    return Optional.empty();
                }
                throw VendorFailures.protocol(api, url, "answered HTTP 404 to page " + page + " of " + what);
            }
            List<String> got = answer.get().body().repositories();
            if (got == null) {
                throw VendorFailures.protocol(api, url, "answered " + what + " without a repositories list");
            }
            got.forEach(n -> names.add(VendorNames.require(api, first, n, "a repository")));
            Optional<String> link = LinkPagination.next(answer.get().headers());
            if (link.isEmpty() || got.isEmpty()) {
                return Optional.of(names);
            }
            URI next = url.resolve(link.get());
            // The query is what pages; the link may name the registry's own /v2/_catalog instead of this path.
            if (!next.getRawPath().equals(first.getRawPath())) {
                next = URI.create(first + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
            }
            if (requested.contains(next)) {
                throw VendorFailures.protocol(api, next, "pagination of " + what + " leads back to a page already read");
            }
            url = next;
        }
        throw VendorFailures.protocol(api, url, "listed more than " + VendorApi.MAX_PAGES + " pages of " + what);
    }
}
