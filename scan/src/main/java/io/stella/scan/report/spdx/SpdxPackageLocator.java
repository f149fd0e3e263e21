package io.stella.scan.report.spdx;

import io.stella.inventory.Package;
import io.stella.inventory.sbom.spdx.SpdxExternalRef;
import io.stella.inventory.sbom.spdx.SpdxPackage;
import java.util.List;

/**
 * Finds the SPDX package the inventory writer made for a package: same name, version and purl; among
 * several (one jar at two paths), the one whose {@code sourceInfo} names the package's file.
 */
final class SpdxPackageLocator {
    private SpdxPackageLocator() {}

    /** The index in {@code packages}, or -1. */
    static int indexOf(List<SpdxPackage> packages, Package p) {
        int candidate = -1;
        for (int i = 0; i < packages.size(); i++) {
            SpdxPackage spdx = packages.get(i);
            if (!"LIBRARY".equals(spdx.primaryPackagePurpose()) || !p.name().equals(spdx.name())
                    || !p.version().equals(spdx.versionInfo()) || !samePurl(spdx, p.purl())) {
                continue;
            }
            if (p.filePath() == null || namesFile(spdx.sourceInfo(), p.filePath())) {
                return i;
            }
            if (candidate < 0) {
                candidate = i;
            }
        }
        return candidate;
    }

    private static boolean samePurl(SpdxPackage spdx, String purl) {
        List<String> purls = spdx.externalRefs().stream().filter(r -> "purl".equals(r.referenceType()))
                .map(SpdxExternalRef::referenceLocator).toList();
        return purl == null ? purls.isEmpty() : purls.contains(purl);
    }

    private static boolean namesFile(String sourceInfo, String filePath) {
        String prefix = "package found in: " + filePath;
        return sourceInfo != null && sourceInfo.startsWith(prefix)
                && (sourceInfo.length() == prefix.length() || " ;".indexOf(sourceInfo.charAt(prefix.length())) >= 0);
    }
}
