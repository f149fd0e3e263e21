package io.stella.scan.filter;

import io.stella.scan.ScanReport;
import io.stella.vulndb.model.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code --severity CRITICAL,HIGH}: keeps the findings of the listed severities only. */
public record SeverityFilter(Set<Severity> kept) implements FindingFilter {
    public SeverityFilter {
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no severity to keep");
        }
        kept = Set.copyOf(kept);
    }

    /**
     * Reads a comma-separated list of severity names (any case).
     *
     * @throws IllegalArgumentException naming the word that is not a severity
     */
    public static SeverityFilter parse(String list) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        List<String> unknown = new ArrayList<>();
        for (String word : list.split(",")) {
            String name = word.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                severities.add(Severity.valueOf(name));
            } catch (IllegalArgumentException e) {
                unknown.add(word.trim());
            }
        }
        if (!unknown.isEmpty() || severities.isEmpty()) {
            throw new IllegalArgumentException("not a severity list: '" + list + "' (unknown: " + unknown
                    + "); use CRITICAL, HIGH, MEDIUM, LOW, NONE, UNKNOWN");
        }
        return new SeverityFilter(severities);
    }

    @Override
    public ScanReport apply(ScanReport report) {
        return Reports.with(report, report.findings().stream()
                .filter(f -> kept.contains(f.severity().severity())).toList(), List.of(), List.of());
    }
}
