package io.stella.registry.discovery;

import io.stella.registry.discovery.wire.QuayUserJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/user/}: the namespaces of the token's user, their own and their organizations'. */
final class QuayUser {
    private QuayUser() {
    }

    static List<String> namespaces(VendorApi api) {
        URI url = api.url("api/v1/user/");
        QuayUserJson user = api.get(url, Map.of(), QuayUserJson.class, "the signed-in user", true).orElseThrow().body();
        if (Boolean.TRUE.equals(user.anonymous())) {
            throw VendorFailures.refused(api, "Quay at " + api.registry() + " took " + VendorFailures.who(api)
                    + " for an anonymous user");
        }
        List<String> namespaces = new ArrayList<>();
        namespaces.add(VendorNames.require(api, url, user.username(), "the user"));
        if (user.organizations() != null) {
            user.organizations().forEach(o ->
                    namespaces.add(VendorNames.require(api, url, o == null ? null : o.name(), "an organization")));
        }
        return namespaces;
    }
}
