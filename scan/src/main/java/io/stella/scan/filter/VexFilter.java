package io.stella.scan.filter;

import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies VEX statements: a finding is suppressed when the last statement (in the order the documents
 * were given, statements in file order) about its vulnerability id or an alias, covering its package, is
 * {@code not_affected} or {@code fixed}. A later {@code affected} or {@code under_investigation} statement
 * keeps it.
 */
public final class VexFilter implements FindingFilter {
    private final List<VexDocument> documents;

    public VexFilter(List<VexDocument> documents) {
        this.documents = List.copyOf(documents);
    }

    @Override
    public ScanReport apply(ScanReport report) {
        List<ScanFinding> kept = new ArrayList<>();
        List<Suppression> suppressed = new ArrayList<>();
        for (ScanFinding finding : report.findings()) {
            VexStatement last = null;
            for (VexDocument document : documents) {
                for (VexStatement statement : document.statements()) {
                    if (statement.isAbout(finding.id(), finding.advisory().aliases())
                            && statement.covers(finding.pkg(), report.inventory().target())) {
                        last = statement;
                    }
                }
            }
            if (last != null && last.status().suppresses()) {
                suppressed.add(new Suppression(finding, last.reason(), last.origin()));
            } else {
                kept.add(finding);
            }
        }
        return Reports.with(report, kept, suppressed, List.of());
    }
}
