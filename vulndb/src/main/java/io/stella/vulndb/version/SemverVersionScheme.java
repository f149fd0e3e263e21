package io.stella.vulndb.version;

import java.util.Set;

/** SemVer 2.0.0 strict versions (crates.io and OSV SEMVER ranges); build metadata is ignored. */
public final class SemverVersionScheme implements VersionScheme {
    static final String ID = "semver";

    private final SemanticVersionParser parser = new SemanticVersionParser(ID, SemanticVersionParser.Dialect.STRICT);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("crates.io");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return parser.parse(a).compareTo(parser.parse(b));
    }
}
