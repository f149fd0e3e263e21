package io.stella.scan.report;

import io.stella.inventory.Package;

/**
 * What tells a package's entry apart in an SBOM the inventory writers built: purl, file path, type and
 * version (two copies of one jar share a purl but not a path).
 */
public record ComponentKey(String purl, String filePath, String type, String version) {
    public static ComponentKey of(Package p) {
        return new ComponentKey(p.purl(), p.filePath(), p.type().purlType(), p.version());
    }
}
