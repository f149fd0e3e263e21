package io.stella.scan;

import io.stella.inventory.Package;
import io.stella.vulndb.model.Ecosystems;
import java.util.HashSet;
import java.util.Set;

/**
 * How much of an inventory a scan could check. A scan is incomplete when some distribution package could
 * not be evaluated (the database holds nothing for the image's release, or the release is unknown), when
 * there were packages and none could be evaluated, or when no package was found at all: "no
 * vulnerabilities" would then describe data stella does not have. Language ecosystems the database lacks are listed and warned about but do not make a scan
 * incomplete.
 *
 * @param osPackagesNotEvaluated distribution packages no record set covered
 * @param evaluated              packages looked up in a covered ecosystem
 * @param packages               all packages of the inventory
 */
public record ScanCoverage(int osPackagesNotEvaluated, int evaluated, int packages) {

    public static ScanCoverage of(ScanReport report) {
        Set<String> uncoveredFamilies = new HashSet<>();
        int notEvaluated = 0;
        for (NotEvaluated n : report.notEvaluated()) {
            uncoveredFamilies.add(Ecosystems.family(n.ecosystem()));
            notEvaluated += n.packages();
        }
        int osNotEvaluated = 0;
        for (Package p : report.inventory().packages()) {
            if (p.type().osPackage() && (p.ecosystem() == null || uncoveredFamilies.contains(p.ecosystem()))) {
                osNotEvaluated++;
            }
        }
        int total = report.inventory().packages().size();
        return new ScanCoverage(osNotEvaluated, total - notEvaluated, total);
    }

    public boolean complete() {
        return osPackagesNotEvaluated == 0 && packages > 0 && evaluated > 0;
    }

    /** Why the scan is incomplete, for the user; null when it is complete. */
    public String gap() {
        if (complete()) {
            return null;
        }
        if (packages == 0) {
            return "no package was found, so nothing could be checked (see the inventory-empty warning)";
        }
        if (osPackagesNotEvaluated > 0) {
            return osPackagesNotEvaluated + " of " + packages + " packages are distribution packages the database holds "
                    + "no records for: import the distribution's data (stella db update / stella db import)";
        }
        return "none of the " + packages + " packages could be evaluated: the database covers none of their ecosystems";
    }
}
