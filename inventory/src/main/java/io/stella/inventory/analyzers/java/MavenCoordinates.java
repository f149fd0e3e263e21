package io.stella.inventory.analyzers.java;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** groupId, artifactId and version of a Maven artifact; any of them may be blank when read from bad metadata. */
record MavenCoordinates(String groupId, String artifactId, String version) {

    /**
     * Reads a {@code pom.properties} as Maven writes it (java.util.Properties syntax, ISO-8859-1 with escapes).
     * Missing keys come back as empty strings.
     */
    static MavenCoordinates fromPomProperties(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        return new MavenCoordinates(
                p.getProperty("groupId", "").strip(),
                p.getProperty("artifactId", "").strip(),
                p.getProperty("version", "").strip());
    }

    boolean complete() {
        return !groupId.isEmpty() && !artifactId.isEmpty() && !version.isEmpty();
    }

    /** The package name used for Maven packages. */
    String name() {
        return groupId + ":" + artifactId;
    }
}
