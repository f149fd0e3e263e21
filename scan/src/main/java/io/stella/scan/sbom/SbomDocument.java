package io.stella.scan.sbom;

import io.stella.inventory.OsRelease;
import io.stella.inventory.ScanTarget;
import java.util.List;

/**
 * What a format reader takes from an SBOM.
 *
 * @param format     {@code cyclonedx} or {@code spdx}
 * @param target     what the SBOM describes
 * @param os         the operating-system entry, or null when the SBOM has none
 * @param components the package entries (not the described image itself, not the OS entry)
 */
record SbomDocument(String format, ScanTarget target, OsRelease os, List<SbomComponent> components) {
    SbomDocument {
        components = List.copyOf(components);
    }
}
