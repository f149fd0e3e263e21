package io.stella.scan.sbom;

import io.stella.inventory.OsRelease;

/** The purl {@code distro} qualifier as an OS: {@code alpine-3.20} is alpine 3.20, {@code debian-12} is debian 12. */
final class DistroQualifier {
    private DistroQualifier() {
    }

    static OsRelease toOs(String distro) {
        int dash = distro.lastIndexOf('-');
        if (dash > 0 && dash < distro.length() - 1 && Character.isDigit(distro.charAt(dash + 1))) {
            String id = distro.substring(0, dash);
            String version = distro.substring(dash + 1);
            return new OsRelease(id, version, null, id + " " + version, "purl distro qualifier");
        }
        // a code name only (e.g. distro=bookworm): the distribution is not named
        return null;
    }
}
