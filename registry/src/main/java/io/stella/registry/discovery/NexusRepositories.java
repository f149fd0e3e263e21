package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.NexusRepositoryJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /service/rest/v1/repositories}: the docker-format repositories the user can see. */
final class NexusRepositories {
    private NexusRepositories() {
    }

    static List<DockerRepository> docker(VendorApi api) {
        URI url = api.url("service/rest/v1/repositories");
        NexusRepositoryJson[] all = api.get(url, Map.of(), NexusRepositoryJson[].class, "the repository list", true)
                .orElseThrow().body();
        List<DockerRepository> docker = new ArrayList<>();
        for (NexusRepositoryJson r : all) {
            if (r != null && "docker".equalsIgnoreCase(r.format())) {
                docker.add(new DockerRepository(VendorNames.require(api, url, r.name(), "a repository"), kind(r.type())));
            }
        }
        return docker;
    }

    private static DockerRepository.Kind kind(String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "proxy" -> DockerRepository.Kind.PROXY;
            case "group" -> DockerRepository.Kind.GROUP;
            default -> DockerRepository.Kind.HOSTED;
        };
    }
}
