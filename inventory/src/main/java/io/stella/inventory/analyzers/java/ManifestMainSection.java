package io.stella.inventory.analyzers.java;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The main section of a JAR manifest (the attributes before the first blank line, which describe the archive
 * itself; later sections describe entries). Attribute names are case-insensitive; continuation lines (starting
 * with one space) are joined; values starting with {@code %} are OSGi localisation keys and are ignored.
 */
record ManifestMainSection(Map<String, String> attributes) {

    static ManifestMainSection read(InputStream in) throws IOException {
        Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder current = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            if (line.startsWith(" ")) {
                current.append(line, 1, line.length());
                continue;
            }
            put(attributes, current.toString());
            current.setLength(0);
            current.append(line);
        }
        put(attributes, current.toString());
        return new ManifestMainSection(attributes);
    }

    private static void put(Map<String, String> attributes, String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String value = header.substring(colon + 1).strip();
        if (!value.isEmpty() && !value.startsWith("%")) {
            attributes.put(header.substring(0, colon).strip(), value);
        }
    }

    String get(String name) {
        return attributes.get(name);
    }

    /**
     * The archive's coordinates as far as the manifest tells them, or null. Rules (Trivy's, narrowed to values
     * that can be Maven identifiers):
     * <ul>
     *   <li>groupId: {@code Implementation-Vendor-Id}, else {@code Bundle-SymbolicName} (directives after ';'
     *       removed) up to its last dot ({@code com.fasterxml.jackson.core.jackson-databind} gives
     *       {@code com.fasterxml.jackson.core}). Vendor display names ({@code Implementation-Vendor},
     *       {@code Specification-Vendor}), which Trivy accepts offline, are not identifiers and are not used.</li>
     *   <li>artifactId: the first of {@code Implementation-Title}, {@code Specification-Title},
     *       {@code Bundle-Name} without white space (titles such as "Apache Commons Compress" are display names),
     *       else the last dot segment of {@code Bundle-SymbolicName}.</li>
     *   <li>version: the first of {@code Implementation-Version}, {@code Bundle-Version},
     *       {@code Specification-Version} without white space (Trivy tries the specification version before the
     *       bundle version, but it is the version of the implemented API: jna-platform 5.13.0 says 5).</li>
     * </ul>
     */
    /** The file name's split into artifactId and version, corrected where the manifest states the version. */
    ArchiveFileName refine(ArchiveFileName fileName) {
        String base = fileName.artifactId() + "-" + fileName.version();
        // a version with hyphens (zstd-jni-1.5.7-9) splits where the manifest's version says it does
        for (String stated : new String[] {get("Implementation-Version"), get("Bundle-Version")}) {
            String v = identifier(stated);
            if (v != null && base.length() > v.length() + 1 && base.endsWith("-" + v)) {
                return new ArchiveFileName(base.substring(0, base.length() - v.length() - 1), v);
            }
        }
        return fileName;
    }

    /**
     * Coordinates for an archive named {@code artifactId-version.ext}: the file name keeps Maven's artifactId
     * and version, while manifests often carry OSGi names and qualified versions (protobuf-java says
     * com.google.protobuf, 3.17.0.v20210823 for 3.17.0). So only the group is taken from the manifest, and
     * only where it is stated or the bundle name is group + "." + artifactId. Null when no group is known.
     */
    MavenCoordinates coordinates(ArchiveFileName fileName) {
        if (fileName == null) {
            return coordinates();
        }
        String groupId = identifier(get("Implementation-Vendor-Id"));
        String symbolicName = symbolicName();
        String suffix = "." + fileName.artifactId();
        if (groupId == null && symbolicName != null && symbolicName.endsWith(suffix)) {
            String prefix = symbolicName.substring(0, symbolicName.length() - suffix.length());
            if (prefix.indexOf('.') > 0) {
                groupId = identifier(prefix);
            }
        }
        return groupId == null ? null : new MavenCoordinates(groupId, fileName.artifactId(), fileName.version());
    }

    private String symbolicName() {
        String symbolicName = get("Bundle-SymbolicName");
        if (symbolicName == null) {
            return null;
        }
        int directive = symbolicName.indexOf(';');
        return (directive < 0 ? symbolicName : symbolicName.substring(0, directive)).strip();
    }

    MavenCoordinates coordinates() {
        String symbolicName = get("Bundle-SymbolicName");
        if (symbolicName != null) {
            int directive = symbolicName.indexOf(';');
            symbolicName = (directive < 0 ? symbolicName : symbolicName.substring(0, directive)).strip();
        }
        int lastDot = symbolicName == null ? -1 : symbolicName.lastIndexOf('.');

        String groupId = identifier(get("Implementation-Vendor-Id"));
        if (groupId == null && lastDot > 0) {
            groupId = identifier(symbolicName.substring(0, lastDot));
        }
        String artifactId = firstIdentifier("Implementation-Title", "Specification-Title", "Bundle-Name");
        if (artifactId == null && lastDot > 0) {
            artifactId = identifier(symbolicName.substring(lastDot + 1));
        }
        String version = firstIdentifier("Implementation-Version", "Bundle-Version", "Specification-Version");
        if (groupId == null || artifactId == null || version == null) {
            return null;
        }
        return new MavenCoordinates(groupId, artifactId, version);
    }

    private String firstIdentifier(String... names) {
        for (String name : names) {
            String value = identifier(get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String identifier(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return null;
            }
        }
        return value;
    }
}
