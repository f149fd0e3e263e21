package io.stella.registry.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<String> images = new ArrayList<>();
        for (DockerRepository repository : chosen) {
            Optional<List<String>> names = ArtifactoryCatalog.names(api, repository.name());
            if (names.isEmpty() && !namespaces.isEmpty()) {
                throw VendorFailures.namespaceNotFound(api, "repository", repository.name(), "");
            }
            // A listed repository that is gone now was deleted meanwhile: nothing of it to scan.
            names.ifPresent(n -> n.forEach(name -> images.add(repository.name() + "/" + name)));
        }
        return images;
    }
}
