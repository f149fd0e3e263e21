package io.stella.registry.client;

import io.stella.registry.auth.Scope;
import io.stella.registry.wire.CatalogJson;
import java.util.List;

/** {@code GET /v2/_catalog}, all pages; a denial is {@code CATALOG_DENIED}, never an empty list. */
final class CatalogLister {
    private CatalogLister() {
    }

    static List<String> list(RegistrySession session, int pageSize) {
        RegistryRequest request = RegistryRequest.get("/v2/_catalog?n=" + pageSize, Scope.catalog(),
                RegistryRequest.Subject.CATALOG, "catalog");
        return PagedList.read(session, request, CatalogJson.class, CatalogJson::repositories).orElseThrow();
    }
}
