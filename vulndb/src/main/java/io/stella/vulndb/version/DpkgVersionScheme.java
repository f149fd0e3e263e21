package io.stella.vulndb.version;

import java.util.Set;

/** Debian and Ubuntu package versions, ordered as {@code dpkg --compare-versions} orders them. */
public final class DpkgVersionScheme implements VersionScheme {
    static final String ID = "dpkg";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("Debian", "Ubuntu");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return DpkgVersion.parse(a).compareTo(DpkgVersion.parse(b));
    }
}
