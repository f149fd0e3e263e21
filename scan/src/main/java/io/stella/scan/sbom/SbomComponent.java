package io.stella.scan.sbom;

import java.util.Map;

/**
 * One package entry of an SBOM, in the terms both formats share.
 *
 * @param name       the component's or package's name as written (for warnings)
 * @param version    its version as written, or null
 * @param purl       its package-url, or null
 * @param pointer    JSON pointer of the entry in the file
 * @param properties name/value properties (CycloneDX {@code properties}); empty for SPDX
 */
record SbomComponent(String name, String version, String purl, String pointer, Map<String, String> properties) {
    SbomComponent {
        properties = Map.copyOf(properties);
    }
}
