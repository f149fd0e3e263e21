package io.stella.scan.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.vulndb.version.InvalidVersionException;
import io.stella.vulndb.version.VersionScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The findings the Go vulnerability database implies for a set of modules, read straight from the OSV zip:
 * every non-withdrawn record with a SEMVER range of one of the modules that holds the module's version
 * (introduced at or below it, the next fixed above it), with that fix.
 */
final class GoVulndbExpectation {
    private GoVulndbExpectation() {
    }

    /**
     * @param modules module path (or {@code stdlib}) to its version without the {@code v}
     * @return "module GO-id" to the fixed version ("" when none)
     */
    static Map<String, String> findings(Path zip, Map<String, String> modules, VersionScheme semver)
            throws IOException, InvalidVersionException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> expected = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".json")) {
                    continue;
                }
                JsonNode record;
                try (InputStream in = file.getInputStream(entry)) {
                    record = mapper.readTree(in);
                }
                if (record.hasNonNull("withdrawn")) {
                    continue;
                }
                for (JsonNode affected : record.path("affected")) {
                    String module = affected.path("package").path("name").asText();
                    String version = modules.get(module);
                    if (version == null) {
                        continue;
                    }
                    for (JsonNode range : affected.path("ranges")) {
                        String fix = fixIfAffected(range.path("events"), version, semver);
                        if (fix != null) {
                            expected.put(module + " " + record.path("id").asText(), fix);
                        }
                    }
                }
            }
        }
        return expected;
    }

    /** The fix ("" for none) when the version is inside an introduced..fixed pair of the events, else null. */
    private static String fixIfAffected(JsonNode events, String version, VersionScheme semver)
            throws InvalidVersionException {
        String introduced = null;
        for (JsonNode event : events) {
            if (event.has("introduced")) {
                introduced = event.get("introduced").asText();
            } else if (event.has("fixed") && introduced != null) {
                String fixed = event.get("fixed").asText();
                if (atOrAbove(version, introduced, semver) && semver.compare(version, fixed) < 0) {
                    return fixed;
                }
                introduced = null;
            }
        }
        return introduced != null && atOrAbove(version, introduced, semver) ? "" : null;
    }

    private static boolean atOrAbove(String version, String introduced, VersionScheme semver)
            throws InvalidVersionException {
        return introduced.equals("0") || semver.compare(version, introduced) >= 0;
    }
}
