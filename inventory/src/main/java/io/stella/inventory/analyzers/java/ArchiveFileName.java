package io.stella.inventory.analyzers.java;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * artifactId and version guessed from an archive's file name ({@code spring-core-5.3.4-SNAPSHOT.jar}); the
 * version is the part after the last hyphen that is followed by a digit, as Trivy's pattern does.
 */
record ArchiveFileName(String artifactId, String version) {
    private static final Pattern NAME_VERSION =
            Pattern.compile("^([a-zA-Z0-9._-]*[^-*])-(\\d\\S*)\\.[a-zA-Z]{3}$");

    /** Null when the name does not have the {@code artifactId-version.ext} shape. */
    static ArchiveFileName parse(String fileName) {
        Matcher m = NAME_VERSION.matcher(fileName);
        return m.matches() ? new ArchiveFileName(m.group(1), m.group(2)) : null;
    }

    boolean describes(MavenCoordinates pom) {
        return artifactId.equals(pom.artifactId()) && version.equals(pom.version());
    }
}
