package io.stella.scan.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.inventory.OsRelease;
import io.stella.inventory.ScanTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CycloneDX JSON (1.4 to 1.6): components, nested ones included; the operating-system component gives the OS. */
final class CycloneDxSbomReader {
    private CycloneDxSbomReader() {
    }

    static SbomDocument read(Path file, JsonNode root) throws SbomInputException {
        JsonNode described = root.path("metadata").path("component");
        String name = described.isObject() ? JsonFields.text(file, described, "name", "/metadata/component") : null;
        ScanTarget.Kind kind = "container".equals(described.path("type").asText())
                ? ScanTarget.Kind.CONTAINER_IMAGE : ScanTarget.Kind.FILESYSTEM;
        ScanTarget target = new ScanTarget(name != null ? name : file.toString(), kind, null, null, List.of());

        List<SbomComponent> components = new ArrayList<>();
        List<OsRelease> systems = new ArrayList<>();
        collect(file, root, "", components, systems);
        return new SbomDocument("cyclonedx", target, systems.isEmpty() ? null : systems.get(0), components);
    }

    private static void collect(Path file, JsonNode parent, String pointer, List<SbomComponent> components,
                                List<OsRelease> systems) throws SbomInputException {
        JsonNode list = JsonFields.array(file, parent, "components", pointer);
        for (int i = 0; i < list.size(); i++) {
            JsonNode component = list.get(i);
            String at = pointer + "/components/" + i;
            String type = JsonFields.text(file, component, "type", at);
            String name = JsonFields.text(file, component, "name", at);
            String version = JsonFields.text(file, component, "version", at);
            if ("operating-system".equals(type)) {
                if (name != null) {
                    systems.add(new OsRelease(name.toLowerCase(java.util.Locale.ROOT), version, null,
                            version == null ? name : name + " " + version, "sbom " + at));
                }
            } else if (!"container".equals(type)) {
                String purl = JsonFields.text(file, component, "purl", at);
                // Trivy's application components (a lock file, a jar) only group the packages nested in them
                boolean grouping = purl == null && !component.path("components").isEmpty();
                if (!grouping) {
                    components.add(new SbomComponent(name, version, purl, at, properties(file, component, at)));
                }
            }
            collect(file, component, at, components, systems);
        }
    }

    private static Map<String, String> properties(Path file, JsonNode component, String pointer)
            throws SbomInputException {
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode list = JsonFields.array(file, component, "properties", pointer);
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/properties/" + i;
            String name = JsonFields.text(file, list.get(i), "name", at);
            String value = JsonFields.text(file, list.get(i), "value", at);
            if (name != null && value != null) {
                properties.putIfAbsent(name, value);
            }
        }
        return properties;
    }
}
