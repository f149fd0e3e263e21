package io.stella.registry.discovery;

import java.net.URI;

/** Names read from a vendor API, which must be there for a listing to be complete. */
final class VendorNames {
    private VendorNames() {
    }

    static String require(VendorApi api, URI url, String name, String what) {
        if (name == null || name.isBlank()) {
            throw VendorFailures.protocol(api, url, "listed " + what + " without a name");
        }
        return name;
    }
}
