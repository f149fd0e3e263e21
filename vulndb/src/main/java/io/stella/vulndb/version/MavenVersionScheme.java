package io.stella.vulndb.version;

import java.util.Set;
import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven versions, ordered by maven-artifact's {@link ComparableVersion} (the version the build pins). */
public final class MavenVersionScheme implements VersionScheme {
    static final String ID = "maven";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> ecosystems() {
        return Set.of("Maven");
    }

    @Override
    public int compare(String a, String b) throws InvalidVersionException {
        return parse(a).compareTo(parse(b));
    }

    private static ComparableVersion parse(String version) throws InvalidVersionException {
        if (version.isBlank()) {
            throw new InvalidVersionException(ID, version, "version string is empty");
        }
        return new ComparableVersion(version);
    }
}
