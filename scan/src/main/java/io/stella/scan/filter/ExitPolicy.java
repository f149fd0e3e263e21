package io.stella.scan.filter;

import io.stella.scan.ScanReport;
import io.stella.vulndb.model.Severity;
import java.util.Collection;

/**
 * {@code --exit-code N}: the process exit status after a scan.
 *
 * @param exitCode  returned when a finding at or above the threshold remains
 * @param threshold the least severe severity that counts; null counts every finding
 */
public record ExitPolicy(int exitCode, Severity threshold) {

    /** The threshold is the least severe of {@code severities} ({@code --severity}); empty counts every finding. */
    public static ExitPolicy of(int exitCode, Collection<Severity> severities) {
        Severity lowest = severities.stream()
                .min((a, b) -> a == b ? 0 : a.atLeast(b) ? 1 : -1)
                .orElse(null);
        return new ExitPolicy(exitCode, lowest);
    }

    public int exitCodeFor(ScanReport report) {
        boolean remaining = report.findings().stream()
                .anyMatch(f -> threshold == null || f.severity().severity().atLeast(threshold));
        return remaining ? exitCode : 0;
    }
}
