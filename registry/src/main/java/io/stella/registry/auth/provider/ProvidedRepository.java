package io.stella.registry.auth.provider;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A repository found through a cloud API.
 *
 * @param registryHost the registry it lives in ({@code host[:port]}); an Organizations walk finds several
 * @param path         the repository path, e.g. {@code team/app}
 * @param tagPushedAt  push time per tag when the API tells it, else empty
 */
public record ProvidedRepository(String registryHost, String path, Map<String, Instant> tagPushedAt) {
    public ProvidedRepository {
        Objects.requireNonNull(registryHost, "registryHost");
        Objects.requireNonNull(path, "path");
        tagPushedAt = tagPushedAt == null ? Map.of() : Map.copyOf(tagPushedAt);
    }
}
