package io.stella.registry.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nexus 3: the docker repositories, then each one's component names. The names are image repositories
 * as pulled through that Nexus repository's docker connector (or path); Nexus does not say which
 * connector the registry endpoint is, so name the repository behind it when there are several.
 */
final class NexusDiscovery implements VendorDiscovery {

    @Override
    public List<String> list(VendorApi api, List<String> namespaces) {
        List<DockerRepository> chosen = DockerRepository.select(api, NexusRepositories.docker(api), namespaces,
                "repository");
        List<String> images = new ArrayList<>();
        for (DockerRepository repository : chosen) {
            Optional<List<String>> names = NexusComponents.names(api, repository.name());
            if (names.isEmpty() && !namespaces.isEmpty()) {
                throw VendorFailures.namespaceNotFound(api, "repository", repository.name(), "");
            }
            // A listed repository that is gone now was deleted meanwhile: nothing of it to scan.
            names.ifPresent(images::addAll);
        }
        return images;
    }
}
