package io.stella.vulndb.version;

import java.util.Set;

/** Packagist (Composer) versions, ordered as OSV orders them: PHP's {@code version_compare} after canonicalisation. */
public final class PackagistVersionScheme implements VersionScheme {
    static final String ID = "packagist";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("Packagist");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return PackagistVersion.parse(a).compareTo(PackagistVersion.parse(b));
    }
}
