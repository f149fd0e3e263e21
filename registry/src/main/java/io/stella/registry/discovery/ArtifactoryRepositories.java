package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.ArtifactoryRepositoryJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/repositories?packageType=docker}: the docker repositories the user can read. */
final class ArtifactoryRepositories {
    private ArtifactoryRepositories() {
    }

    static List<DockerRepository> docker(VendorApi api) {
        URI url = api.url("api/repositories?packageType=docker");
        ArtifactoryRepositoryJson[] all = api.get(url, Map.of(), ArtifactoryRepositoryJson[].class,
                "the repository list", true).orElseThrow().body();
        List<DockerRepository> docker = new ArrayList<>();
        for (ArtifactoryRepositoryJson r : all) {
            if (r != null && (r.packageType() == null || "docker".equalsIgnoreCase(r.packageType()))) {
                docker.add(new DockerRepository(VendorNames.require(api, url, r.key(), "a repository"), kind(r.type())));
            }
        }
        return docker;
    }

    private static DockerRepository.Kind kind(String type) {
        return switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
            case "REMOTE" -> DockerRepository.Kind.PROXY;
            case "VIRTUAL" -> DockerRepository.Kind.GROUP;
            default -> DockerRepository.Kind.HOSTED;
        };
    }
}
