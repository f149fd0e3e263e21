package io.stella.scan.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stella.vulndb.version.InvalidVersionException;
import io.stella.vulndb.version.VersionScheme;
import io.stella.vulndb.version.VersionSchemes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings an Alpine secdb implies for an apk database, computed straight from the YAML: for each
 * installed package, each CVE its origin's {@code secfixes} lists under a version newer than the installed
 * one, with the oldest such version as the fix. Version {@code 0} entries (not affected in Alpine) are left out.
 */
final class SecdbExpectation {
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d+");

    private SecdbExpectation() {
    }

    /** "package CVE-id" to the fixed version. */
    static Map<String, String> findings(ApkDatabase installed, Path... secdbFiles) throws IOException,
            InvalidVersionException {
        VersionScheme apk = VersionSchemes.installed().byId("apk").orElseThrow();
        Map<String, String> expected = new TreeMap<>();
        for (Path file : secdbFiles) {
            JsonNode root = new YAMLMapper().readTree(file.toFile());
            for (JsonNode entry : root.path("packages")) {
                String name = entry.path("pkg").path("name").asText();
                JsonNode secfixes = entry.path("pkg").path("secfixes");
                for (ApkDatabase.Entry pkg : installed.packages()) {
                    if (!pkg.origin().equals(name)) {
                        continue;
                    }
                    Iterator<Map.Entry<String, JsonNode>> fixes = secfixes.fields();
                    while (fixes.hasNext()) {
                        Map.Entry<String, JsonNode> fix = fixes.next();
                        if (fix.getKey().equals("0") || apk.compare(pkg.version(), fix.getKey()) >= 0) {
                            continue;
                        }
                        for (JsonNode ids : fix.getValue()) {
                            Matcher m = CVE.matcher(ids.asText());
                            if (m.find()) {
                                expected.merge(pkg.name() + " " + m.group(), fix.getKey(),
                                        (a, b) -> older(apk, a, b));
                            }
                        }
                    }
                }
            }
        }
        return expected;
    }

    private static String older(VersionScheme scheme, String a, String b) {
        try {
            return scheme.compare(a, b) <= 0 ? a : b;
        } catch (InvalidVersionException e) {
            throw new AssertionError(e);
        }
    }
}
