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
                              String description, boolean notFoundIsAnswer) {

    public static RegistryRequest get(String path, Scope scope, String description, String... accept) {
        return new RegistryRequest("GET", path, List.of(accept), Optional.ofNullable(scope), description, false);
    }

    public static RegistryRequest head(String path, Scope scope, String description, String... accept) {
        return new RegistryRequest("HEAD", path, List.of(accept), Optional.ofNullable(scope), description, false);
    }

    public RegistryRequest allowingNotFound() {
        return new RegistryRequest(method, pathAndQuery, accept, scope, description, true);
    }

    /** The repository a repository scope names, or null. */
    public String repository() {
        return scope.filter(s -> s.type().equals("repository")).map(Scope::name).orElse(null);
    }

    public boolean isCatalog() {
        return scope.map(s -> s.type().equals("registry") && s.name().equals("catalog")).orElse(false);
    }
}
