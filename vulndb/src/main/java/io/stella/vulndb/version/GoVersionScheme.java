package io.stella.vulndb.version;

import java.util.Set;

/** Go module versions: semver with an optional {@code v}; {@code +incompatible} (build metadata) is ignored and pseudo-versions order as the pre-releases they are. */
public final class GoVersionScheme implements VersionScheme {
    static final String ID = "go";

    private final SemanticVersionParser parser = new SemanticVersionParser(ID, SemanticVersionParser.Dialect.GO);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("Go");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return parser.parse(a).compareTo(parser.parse(b));
    }
}
