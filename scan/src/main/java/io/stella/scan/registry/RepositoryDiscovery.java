package io.stella.scan.registry;

import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.discovery.VendorDiscoveryOptions;
import io.stella.registry.discovery.VendorRepositoryLister;
import java.util.List;
import java.util.TreeSet;

/**
 * Which repositories a registry has: the configured list when there is one, the vendor's API where the
 * catalog is absent or incomplete (Harbor, Quay, Nexus, Artifactory), else {@code /v2/_catalog}. A
 * denied listing fails (CATALOG_DENIED with the fix); it never reads as an empty registry.
 */
final class RepositoryDiscovery {
    private static final int CATALOG_PAGE = 1000;

    private RepositoryDiscovery() {
    }

    record Discovered(List<String> repositories, String method) {
    }

    static Discovered discover(RegistryConfig registry, RegistryClient client, VendorDiscoveryOptions vendor) {
        if (registry.listedRepositories().isPresent()) {
            return new Discovered(sorted(registry.listedRepositories().get()), "the configured repositories list");
        }
        if (VendorRepositoryLister.supports(registry.type())) {
            return new Discovered(sorted(VendorRepositoryLister.list(client, registry.type(), vendor)),
                    registry.type().name().toLowerCase(java.util.Locale.ROOT) + " API");
        }
        return new Discovered(sorted(client.catalog(CATALOG_PAGE)), "catalog");
    }

    private static List<String> sorted(List<String> repositories) {
        return List.copyOf(new TreeSet<>(repositories));
    }
}
