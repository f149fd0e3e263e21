package io.stella.scan.report.spdx;

import io.stella.inventory.sbom.SbomWriters;
import io.stella.inventory.sbom.spdx.SpdxDocument;
import io.stella.inventory.sbom.spdx.SpdxExternalRef;
import io.stella.inventory.sbom.spdx.SpdxPackage;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.scan.report.Advisories;
import io.stella.scan.report.ReportContext;
import io.stella.scan.report.DatabaseFacts;
import io.stella.scan.report.JsonDocuments;
import io.stella.scan.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory's SPDX 2.3 document with each finding as a {@code SECURITY}/{@code advisory} external
 * reference (the advisory's URL) on the package it affects. SPDX 2.3 has no place for severities or
 * suppressions: use {@code json}, {@code sarif} or {@code cyclonedx-json} for those.
 */
public final class SpdxReportWriter implements ReportFormat {
    public static final String FORMAT = "spdx-json";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(ScanReport report, ReportContext context, OutputStream out) throws IOException {
        SpdxDocument document = SbomWriters.spdxDocument(report.inventory(), context.clock(), context.uuids(),
                context.toolVersion());
        JsonDocuments.write(withAdvisories(document, report), out);
    }

    static SpdxDocument withAdvisories(SpdxDocument document, ScanReport report) {
        List<ScanFinding> findings = report.findings();
        Map<Integer, Set<String>> urlsByPackage = new HashMap<>();
        for (ScanFinding f : findings) {
            int index = SpdxPackageLocator.indexOf(document.packages(), f.pkg());
            if (index < 0) {
                throw new IllegalStateException("no SPDX package for " + f.pkg().name() + " " + f.pkg().version());
            }
            urlsByPackage.computeIfAbsent(index, i -> new LinkedHashSet<>()).add(Advisories.url(f.advisory()));
        }
        List<SpdxPackage> packages = new ArrayList<>(document.packages());
        urlsByPackage.forEach((index, urls) -> {
            SpdxPackage p = packages.get(index);
            List<SpdxExternalRef> refs = new ArrayList<>(p.externalRefs());
            urls.forEach(url -> refs.add(new SpdxExternalRef("SECURITY", "advisory", url)));
            packages.set(index, new SpdxPackage(p.name(), p.spdxId(), p.versionInfo(), p.downloadLocation(),
                    p.filesAnalyzed(), p.licenseConcluded(), p.licenseDeclared(), p.sourceInfo(), refs,
                    p.primaryPackagePurpose()));
        });
        return new SpdxDocument(document.spdxVersion(), document.dataLicense(), document.spdxId(), document.name(),
                document.documentNamespace(),
                (document.comment() == null ? "" : document.comment() + "\n") + DatabaseFacts.sentence(report),
                document.creationInfo(), packages,
                document.hasExtractedLicensingInfos(), document.relationships());
    }
}
