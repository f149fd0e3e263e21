package io.stella.registry.client;

import io.stella.registry.auth.Scope;
import java.util.List;
import java.util.Optional;

/**
 * One registry API call, as the operation classes describe it; {@link RegistrySession} adds auth,
 * retries, redirects and error mapping.
 *
 * @param method      GET or HEAD
 * @param pathAndQuery e.g. {@code /v2/team/app/manifests/1.0}, or an absolute URL from a Link header
 * @param accept      media types for the Accept header (empty: none)
 * @param scope       the access the call needs, for the token service
 * @param description what is being done, for messages ("manifest team/app:1.0")
 * @param notFoundIsAnswer return a 404 to the caller instead of failing
 */
public record RegistryRequest(String method, String pathAndQuery, List<String> accept, Optional<Scope> scope,
                              String description, Subject subject, boolean notFoundIsAnswer) {

    /** What the call reads, which decides what a 404 means. */
    public enum Subject {
        /** A manifest or blob: a 404 is a missing image (when the registry is known to let us see it). */
        IMAGE,
        /** A repository's tag list: a 404 is a missing (or hidden) repository. */
        REPOSITORY,
        /** The catalog: any refusal or 404 is CATALOG_DENIED. */
        CATALOG,
        /** Anything else, e.g. the authentication check. */
        OTHER
    }

    public static RegistryRequest get(String path, Scope scope, Subject subject, String description, String... accept) {
        return new RegistryRequest("GET", path, List.of(accept), Optional.ofNullable(scope), description, subject, false);
    }

    public static RegistryRequest head(String path, Scope scope, Subject subject, String description, String... accept) {
        return new RegistryRequest("HEAD", path, List.of(accept), Optional.ofNullable(scope), description, subject, false);
    }

    public RegistryRequest allowingNotFound() {
        return new RegistryRequest(method, pathAndQuery, accept, scope, description, subject, true);
    }

    /** The same call for another page of a paginated list. */
    public RegistryRequest forPage(String nextPathAndQuery) {
        return new RegistryRequest(method, nextPathAndQuery, accept, scope, description, subject, notFoundIsAnswer);
    }

    /** The repository a repository scope names, or null. */
    public String repository() {
        return scope.filter(s -> s.type().equals("repository")).map(Scope::name).orElse(null);
    }

    public boolean isCatalog() {
        return subject == Subject.CATALOG;
    }
}
