package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.NexusComponentPageJson;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /service/rest/v1/components?repository=…}, following {@code continuationToken} to the last
 * page: the image names of one docker repository. A docker component is one tag, so names repeat.
 */
final class NexusComponents {
    private NexusComponents() {
    }

    /** @return empty when Nexus has no such repository (or hides it) */
    static Optional<List<String>> names(VendorApi api, String repository) {
        String what = "the components of repository " + repository;
        String query = "service/rest/v1/components?repository=" + VendorApi.queryValue(repository);
        Set<String> names = new LinkedHashSet<>();
        Set<String> tokens = new HashSet<>();
        URI url = api.url(query);
        for (int page = 1; page <= VendorApi.MAX_PAGES; page++) {
            Optional<VendorPage<NexusComponentPageJson>> answer =
                    api.get(url, Map.of(), NexusComponentPageJson.class, what, false);
            if (answer.isEmpty()) {
                if (page == 1) {
                    return Optional.empty();
                }
                throw VendorFailures.protocol(api, url, "answered HTTP 404 to page " + page + " of " + what);
            }
            NexusComponentPageJson body = answer.get().body();
            if (body.items() == null) {
                throw VendorFailures.protocol(api, url, "answered " + what + " without an items list");
            }
            for (NexusComponentPageJson.Component c : body.items()) {
                names.add(VendorNames.require(api, url, c == null ? null : c.name(), "a component"));
            }
            String token = body.continuationToken();
            if (token == null || token.isBlank()) {
                return Optional.of(List.copyOf(names));
            }
            if (!tokens.add(token)) {
                throw VendorFailures.protocol(api, url, "repeated a continuationToken listing " + what);
            }
            url = api.url(query + "&continuationToken=" + VendorApi.queryValue(token));
        }
        throw VendorFailures.protocol(api, url, "listed more than " + VendorApi.MAX_PAGES + " pages of " + what);
    }
}
