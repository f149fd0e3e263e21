package io.stella.scan.report;

import io.stella.scan.ScanReport;
import io.stella.vulndb.store.SourceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What every report says about the database it was matched against: each source with its import time and
 * record count, the database's age at scan time, and whether that is stale. Formats without a field of their
 * own for it (SARIF, CycloneDX, SPDX) carry these lines as properties or a comment.
 */
public final class DatabaseFacts {
    private DatabaseFacts() {
    }

    /** One line per source: {@code osv:Go: 4291 records, imported 2026-12-01T10:00:00Z}. */
    public static List<String> sources(ScanReport report) {
        List<String> lines = new ArrayList<>();
        for (SourceStatus source : report.database().sources()) {
            lines.add(source.name() + ": " + source.totalRecords() + " records, imported " + source.importedAt());
        }
        return lines;
    }

    public static long ageSeconds(ScanReport report) {
        return report.database().age(report.scannedAt()).toSeconds();
    }

    /** One sentence for a document comment. */
    public static String sentence(ScanReport report) {
        return "Vulnerability database " + report.database().location() + ", " + ageSeconds(report) + " s old"
                + (report.databaseStale() ? " (STALE)" : "") + "; sources: " + String.join("; ", sources(report)) + ".";
    }
}
