package io.stella.scan.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.inventory.OsRelease;
import io.stella.inventory.ScanTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SPDX 2.3 JSON: packages with their {@code purl} external reference. The package whose purpose is
 * OPERATING_SYSTEM gives the OS; CONTAINER packages describe the image, not its content. {@code sourceInfo}
 * is free text and is not read.
 */
final class SpdxSbomReader {
    private SpdxSbomReader() {
    }

    static SbomDocument read(Path file, JsonNode root) throws SbomInputException {
        String name = JsonFields.text(file, root, "name", "");
        ScanTarget.Kind kind = ScanTarget.Kind.FILESYSTEM;
        OsRelease os = null;
        List<SbomComponent> components = new ArrayList<>();
        JsonNode packages = JsonFields.array(file, root, "packages", "");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode pkg = packages.get(i);
            String at = "/packages/" + i;
            String purpose = JsonFields.text(file, pkg, "primaryPackagePurpose", at);
            String pkgName = JsonFields.text(file, pkg, "name", at);
            String version = JsonFields.text(file, pkg, "versionInfo", at);
            if ("CONTAINER".equals(purpose)) {
                kind = ScanTarget.Kind.CONTAINER_IMAGE;
            } else if ("OPERATING_SYSTEM".equals(purpose)) {
                if (os == null && pkgName != null) {
                    os = new OsRelease(pkgName.toLowerCase(Locale.ROOT), version, null,
                            version == null ? pkgName : pkgName + " " + version, "sbom " + at);
                }
            } else {
                components.add(new SbomComponent(pkgName, version, purl(file, pkg, at), at, Map.of()));
            }
        }
        ScanTarget target = new ScanTarget(name != null ? name : file.toString(), kind, null, null, List.of());
        return new SbomDocument("spdx", target, os, components);
    }

    private static String purl(Path file, JsonNode pkg, String pointer) throws SbomInputException {
        JsonNode refs = JsonFields.array(file, pkg, "externalRefs", pointer);
        for (int i = 0; i < refs.size(); i++) {
            String at = pointer + "/externalRefs/" + i;
            if ("purl".equals(JsonFields.text(file, refs.get(i), "referenceType", at))) {
                return JsonFields.text(file, refs.get(i), "referenceLocator", at);
            }
        }
        return null;
    }
}
