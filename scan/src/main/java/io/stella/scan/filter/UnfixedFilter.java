package io.stella.scan.filter;

import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import java.util.List;

/** {@code --ignore-unfixed}: drops the findings no fixed version is known for. */
public record UnfixedFilter() implements FindingFilter {
    @Override
    public ScanReport apply(ScanReport report) {
        return Reports.with(report, report.findings().stream().filter(ScanFinding::fixable).toList(), List.of(),
                List.of());
    }
}
