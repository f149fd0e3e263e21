package io.stella.registry.discovery;

import io.stella.registry.client.VendorApiRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Quay: the namespaces (the token user's own and organizations, unless named), then each namespace's
 * repositories. Quay's API authenticates OAuth access tokens only and takes any other request as anonymous,
 * which would silently list public repositories only: so a username and password are refused up front.
 */
final class QuayDiscovery implements VendorDiscovery {

    @Override
    public List<String> list(VendorApi api, List<String> namespaces) {
        VendorApiRequest.Auth auth = api.auth();
        if (auth == VendorApiRequest.Auth.BASIC) {
            throw VendorFailures.refused(api, "Quay's API at " + api.registry() + " does not accept "
                    + VendorFailures.who(api) + " (it takes OAuth access tokens only; with them it would list public "
                    + "repositories only)");
        }
        List<String> listed = namespaces;
        if (listed.isEmpty()) {
            if (auth == VendorApiRequest.Auth.NONE) {
                throw VendorFailures.refused(api, "Quay at " + api.registry() + " shows which namespaces there are "
                        + "only to a signed-in user, and discovery has " + VendorFailures.who(api)
                        + ": name the namespaces or give a vendor API token");
            }
            listed = QuayUser.namespaces(api);
        }
        List<String> repositories = new ArrayList<>();
        for (String namespace : listed) {
            repositories.addAll(QuayRepositories.list(api, namespace));
        }
        return repositories;
    }
}
