package io.stella.vulndb.version;

import java.util.Set;

/** NuGet versions: SemVer 2 with a fourth number, case-insensitive pre-release labels, metadata ignored. */
public final class NuGetVersionScheme implements VersionScheme {
    static final String ID = "nuget";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("NuGet");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return NuGetVersion.parse(a).compareTo(NuGetVersion.parse(b));
    }
}
