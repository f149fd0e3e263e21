package io.stella.scan.report;

import io.stella.scan.ScanFinding;
import io.stella.vulndb.model.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many findings of each severity a report has, and how many have a fix. */
public record SeverityTotals(Map<Severity, Integer> bySeverity, int total, int fixable) {
    public SeverityTotals {
        bySeverity = Map.copyOf(bySeverity);
    }

    public static SeverityTotals of(List<ScanFinding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        int fixable = 0;
        for (ScanFinding f : findings) {
            counts.merge(f.severity().severity(), 1, Integer::sum);
            if (f.fixable()) {
                fixable++;
            }
        }
        return new SeverityTotals(counts, findings.size(), fixable);
    }

    public int count(Severity severity) {
        return bySeverity.get(severity);
    }
}
