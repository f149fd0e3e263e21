package io.stella.scan;

import io.stella.inventory.Inventory;
import io.stella.vulndb.store.DatabaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * Everything one scan found, as every report format renders it.
 *
 * @param inventory     the target, its OS, packages and analysis warnings
 * @param findings      the vulnerabilities left after filters, ignore file and VEX, most severe first
 * @param suppressed    findings removed by the ignore file or VEX, with the reason
 * @param notEvaluated  ecosystems the database does not cover, with their package counts
 * @param problems      advisories that could not be evaluated (a version the scheme cannot order)
 * @param database      the database's sources and age
 * @param databaseStale true when the database is older than {@code vulndb.max_age}
 * @param warnings      scan-level warnings (stale database, not evaluated packages ...), plain text
 */
public record ScanReport(Inventory inventory, List<ScanFinding> findings, List<Suppression> suppressed,
                         List<NotEvaluated> notEvaluated, List<String> problems, DatabaseStatus database,
                         boolean databaseStale, List<String> warnings, Instant scannedAt) {
    public ScanReport {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        notEvaluated = List.copyOf(notEvaluated);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
