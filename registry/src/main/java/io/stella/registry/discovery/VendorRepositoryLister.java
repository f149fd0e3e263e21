package io.stella.registry.discovery;

import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryType;
import java.util.List;
import java.util.TreeSet;

/**
 * Repository discovery through a registry product's own API, for registries whose {@code /v2/_catalog} is
 * missing or incomplete: Harbor v2, Quay, Nexus 3, Artifactory. Calls run through the client's session
 * (TLS, proxies, retries, tracing, failure codes) and authenticate with the registry's username and password
 * as HTTP Basic, or the options' API token; anonymous without either.
 *
 * <p>A listing is complete or fails: a refusal (401, 403) is {@code CATALOG_DENIED} with what the vendor
 * needs granted, never an empty or partial list; no API where it should be is {@code REGISTRY_PROTOCOL_ERROR}
 * saying to check the registry's {@code type:}; a named namespace that is not there is
 * {@code REPOSITORY_NOT_FOUND_OR_DENIED}.
 */
public final class VendorRepositoryLister {
    private VendorRepositoryLister() {
    }

    /** Whether the registry type has a vendor API this can list repositories with. */
    public static boolean supports(RegistryType type) {
        return Vendor.of(type).isPresent();
    }

    /**
     * Repository paths as used in image references on this registry ({@code library/nginx}; for
     * Artifactory {@code docker-local/team/app}), sorted and distinct.
     *
     * @throws IllegalArgumentException when the type is not {@link #supports supported}
     * @throws io.stella.registry.failure.RegistryException when the listing cannot be completed
     */
    public static List<String> list(RegistryClient client, RegistryType type, VendorDiscoveryOptions options) {
        Vendor vendor = Vendor.of(type).orElseThrow(() -> new IllegalArgumentException(
                "registry type " + type.configName() + " has no vendor API for repository discovery"));
        VendorApi api = VendorApi.connect(client.session(), vendor, options);
        return List.copyOf(new TreeSet<>(VendorDiscovery.of(vendor).list(api, options.namespaces())));
    }
}
