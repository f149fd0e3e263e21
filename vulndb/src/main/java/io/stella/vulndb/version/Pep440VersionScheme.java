package io.stella.vulndb.version;

import java.util.Set;

/**
 * Python package versions by PEP 440: epochs, pre-, post- and dev-releases, local versions and the
 * normalisations the specification allows. Versions outside PEP 440 (setuptools' old "legacy" versions)
 * are rejected: packaging dropped their ordering, so no ordering for them is authoritative.
 */
public final class Pep440VersionScheme implements VersionScheme {
    static final String ID = "pep440";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("PyPI");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return Pep440Version.parse(a).compareTo(Pep440Version.parse(b));
    }
}
