package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.QuayRepositoryPageJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/v1/repository?namespace=…}, following {@code next_page} tokens to the last page. */
final class QuayRepositories {
    private QuayRepositories() {
    }

    static List<String> list(VendorApi api, String namespace) {
        String what = "the repositories of namespace " + namespace;
        String query = "api/v1/repository?namespace=" + VendorApi.queryValue(namespace);
        List<String> repositories = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        URI url = api.url(query);
        for (int page = 1; page <= VendorApi.MAX_PAGES; page++) {
            // Quay answers an unknown namespace with an empty list: a 404 means there is no Quay API here.
            QuayRepositoryPageJson body = api.get(url, Map.of(), QuayRepositoryPageJson.class, what, true)
                    .orElseThrow().body();
            if (body.repositories() == null) {
                throw VendorFailures.protocol(api, url, "answered " + what + " without a repositories list");
            }
            for (QuayRepositoryPageJson.Repository r : body.repositories()) {
                String ns = VendorNames.require(api, url, r == null ? null : r.namespace(), "a repository namespace");
                repositories.add(ns + "/" + VendorNames.require(api, url, r.name(), "a repository"));
            }
            String next = body.nextPage();
            if (next == null || next.isBlank()) {
                return repositories;
            }
            if (!tokens.add(next)) {
                throw VendorFailures.protocol(api, url, "repeated a next_page token listing " + what);
            }
            url = api.url(query + "&next_page=" + VendorApi.queryValue(next));
        }
        throw VendorFailures.protocol(api, url, "listed more than " + VendorApi.MAX_PAGES + " pages of " + what);
    }
}
