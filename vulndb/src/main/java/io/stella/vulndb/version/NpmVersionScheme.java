package io.stella.vulndb.version;

import java.util.Set;

/** npm package versions, ordered as node-semver orders them in loose mode. */
public final class NpmVersionScheme implements VersionScheme {
    static final String ID = "npm";

    private final SemanticVersionParser parser = new SemanticVersionParser(ID, SemanticVersionParser.Dialect.NODE_LOOSE);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("npm");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return parser.parse(a).compareTo(parser.parse(b));
    }
}
