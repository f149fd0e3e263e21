package io.stella.registry.client;

import io.stella.registry.auth.Scope;
import io.stella.registry.wire.TagListJson;
import java.util.List;
import java.util.Optional;

/** {@code GET /v2/<name>/tags/list}, all pages. */
final class TagLister {
    private TagLister() {
    }

    static List<String> list(RegistrySession session, String repository, int pageSize) {
        return PagedList.read(session, request(repository, pageSize), TagListJson.class, TagListJson::tags).orElseThrow();
    }

    /** Empty when the registry answers 404 (repository unknown or hidden). */
    static Optional<List<String>> listIfExists(RegistrySession session, String repository, int pageSize) {
        return PagedList.read(session, request(repository, pageSize).allowingNotFound(), TagListJson.class,
                TagListJson::tags);
    }

    private static RegistryRequest request(String repository, int pageSize) {
        return RegistryRequest.get("/v2/" + repository + "/tags/list?n=" + pageSize, Scope.pull(repository),
                RegistryRequest.Subject.REPOSITORY, "tags of " + repository);
    }
}
