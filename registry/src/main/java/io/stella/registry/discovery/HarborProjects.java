package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.HarborProjectJson;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v2.0/projects}, all pages: the projects the credential can see (public ones included). */
final class HarborProjects {
    private HarborProjects() {
    }

    static List<String> list(VendorApi api) {
        String what = "the project list";
        URI first = pageUrl(api, 1);
        return HarborPages.readAll(api, page -> pageUrl(api, page), Map.of(), HarborProjectJson[].class, what, true)
                .orElseThrow()
                .stream()
                .map(p -> VendorNames.require(api, first, p == null ? null : p.name(), "a project"))
                .toList();
    }

    private static URI pageUrl(VendorApi api, int page) {
        return api.url("api/v2.0/projects?page=" + page + "&page_size=" + HarborPages.PAGE_SIZE);
    }
}
