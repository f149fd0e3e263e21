package io.stella.scan.filter;

import io.stella.scan.ScanFinding;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves the findings an ignore file names (by advisory id or by one of its aliases, ignoring case) to
 * {@code suppressed}, with reason {@code ignored by <file>:<line>}. An entry whose expiry date has come
 * (from 00:00 UTC that day on, as Trivy reads it) suppresses nothing and is reported as a warning.
 */
public final class IgnoreFileFilter implements FindingFilter {
    private final IgnoreFile file;
    private final Clock clock;

    public IgnoreFileFilter(IgnoreFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public ScanReport apply(ScanReport report) {
        List<IgnoreEntry> active = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (IgnoreEntry entry : file.entries()) {
            if (entry.expires() != null && !clock.instant().isBefore(entry.expires().atStartOfDay(ZoneOffset.UTC).toInstant())) {
                warnings.add("ignore entry " + entry.id() + " at " + file.origin() + ":" + entry.line()
                        + " expired on " + entry.expires() + " and no longer applies");
            } else {
                active.add(entry);
            }
        }
        List<ScanFinding> kept = new ArrayList<>();
        List<Suppression> suppressed = new ArrayList<>();
        for (ScanFinding finding : report.findings()) {
            Optional<IgnoreEntry> entry = active.stream().filter(e -> names(e, finding)).findFirst();
            if (entry.isPresent()) {
                suppressed.add(new Suppression(finding, "ignored by " + file.origin() + ":" + entry.get().line(),
                        file.origin()));
            } else {
                kept.add(finding);
            }
        }
        return Reports.with(report, kept, suppressed, warnings);
    }

    private static boolean names(IgnoreEntry entry, ScanFinding finding) {
        return entry.id().equalsIgnoreCase(finding.id())
                || finding.advisory().aliases().stream().anyMatch(entry.id()::equalsIgnoreCase);
    }
}
