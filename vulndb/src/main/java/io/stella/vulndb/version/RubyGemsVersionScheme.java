package io.stella.vulndb.version;

import java.util.Set;

/** RubyGems versions, ordered as {@code Gem::Version#<=>} orders them. */
public final class RubyGemsVersionScheme implements VersionScheme {
    static final String ID = "rubygems";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("RubyGems");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return GemVersion.parse(a).compareTo(GemVersion.parse(b));
    }
}
