package io.stella.cli;

import io.stella.registry.config.RegistryType;
import java.util.Map;
import java.util.Optional;

/**
 * What a well-known registry name implies for {@code registry configure NAME}: its type and, where the service has
 * one address for everybody, its url.
 */
record RegistryPreset(RegistryType type, Optional<String> url) {

    private static final Map<String, RegistryPreset> BY_NAME = Map.of(
            "docker-hub", new RegistryPreset(RegistryType.DOCKERHUB, Optional.of("https://registry-1.docker.io")),
            "dockerhub", new RegistryPreset(RegistryType.DOCKERHUB, Optional.of("https://registry-1.docker.io")),
            "ghcr", new RegistryPreset(RegistryType.GHCR, Optional.of("https://ghcr.io")),
            "quay", new RegistryPreset(RegistryType.QUAY, Optional.of("https://quay.io")),
            "gcr", new RegistryPreset(RegistryType.GCR, Optional.of("https://gcr.io")),
            "harbor", new RegistryPreset(RegistryType.HARBOR, Optional.empty()),
            "ecr", new RegistryPreset(RegistryType.ECR, Optional.empty()),
            "acr", new RegistryPreset(RegistryType.ACR, Optional.empty()),
            "gar", new RegistryPreset(RegistryType.GAR, Optional.empty()));

    static Optional<RegistryPreset> forName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Types whose credentials come from a cloud provider's API (a credential provider module). */
    static boolean isCloud(RegistryType type) {
        return type == RegistryType.ECR || type == RegistryType.GCR || type == RegistryType.ACR || type == RegistryType.GAR;
    }
}
