package io.stella.registry.discovery;

import java.util.List;

/**
 * Artifactory: the docker repositories, then each one's catalog. Images are returned as
 * {@code {repoKey}/{name}}, the repository path method's references ({@code host/docker-local/team/app});
 * registries set up with the subdomain or port method name images without the key and are not served here.
 */
final class ArtifactoryDiscovery implements VendorDiscovery {

    @Override
    public List<String> list(VendorApi api, List<String> namespaces) {
        List<DockerRepository> chosen = DockerRepository.select(api, ArtifactoryRepositories.docker(api), namespaces,
                "repository");
        return DockerRepository.images(api, chosen, namespaces, ArtifactoryCatalog::names, (repository, name) -> repository + "/" + name);
    }
}
