package io.stella.registry.discovery;

import java.util.List;

/** How one vendor's API is walked to its image repositories. */
sealed interface VendorDiscovery permits HarborDiscovery, QuayDiscovery, NexusDiscovery, ArtifactoryDiscovery {

    /**
     * @param namespaces as in {@link VendorDiscoveryOptions#namespaces()}
     * @return repository paths as used in image references on the registry, possibly with duplicates
     */
    List<String> list(VendorApi api, List<String> namespaces);

    static VendorDiscovery of(Vendor vendor) {
        return switch (vendor) {
            case HARBOR -> new HarborDiscovery();
            case QUAY -> new QuayDiscovery();
            case NEXUS -> new NexusDiscovery();
            case ARTIFACTORY -> new ArtifactoryDiscovery();
        };
    }
}
