package io.stella.scan.filter;

import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import java.util.ArrayList;
import java.util.List;

/** Copies of a report with other findings. */
final class Reports {
    private Reports() {}

    static ScanReport with(ScanReport report, List<ScanFinding> findings, List<Suppression> newlySuppressed,
                           List<String> newWarnings) {
        List<Suppression> suppressed = new ArrayList<>(report.suppressed());
        suppressed.addAll(newlySuppressed);
        List<String> warnings = new ArrayList<>(report.warnings());
        newWarnings.stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        return new ScanReport(report.inventory(), findings, suppressed, report.notEvaluated(), report.problems(),
                report.database(), report.databaseStale(), warnings, report.scannedAt());
    }
}
