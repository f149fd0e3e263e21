package io.stella.registry.discovery;

import java.util.List;

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
        return DockerRepository.images(api, chosen, namespaces, NexusComponents::names, (repository, name) -> name);
    }
}
