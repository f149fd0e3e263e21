package io.stella.scan;

import io.stella.inventory.Package;
import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.SeverityRating;

/**
 * A vulnerability of one installed package.
 *
 * @param fixedVersion the first fixed version, or null when no fix is known
 */
public record ScanFinding(Package pkg, Advisory advisory, String installedVersion, String fixedVersion,
                          SeverityRating severity) {
    public String id() {
        return advisory.id();
    }

    public boolean fixable() {
        return fixedVersion != null && !fixedVersion.isEmpty();
    }
}
