package io.stella.scan.report.table;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.OsRelease;
import io.stella.inventory.ScanTarget;
import io.stella.scan.NotEvaluated;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanCoverage;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import io.stella.scan.report.ReportContext;
import io.stella.scan.report.ReportFormat;
import io.stella.scan.report.SeverityTotals;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.store.SourceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plain text for a terminal: a header naming what was scanned and with which database, the totals, one
 * table per severity (most severe first), then everything that limits the result (packages not evaluated,
 * problems, suppressed findings, warnings) so that a short report never passes for a clean one.
 */
public final class TableReportWriter implements ReportFormat {
    public static final String FORMAT = "table";
    private static final List<Severity> ORDER = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.NONE, Severity.UNKNOWN);
    private static final List<String> COLUMNS = List.of("PACKAGE", "INSTALLED", "FIXED", "ID", "TITLE");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(ScanReport report, ReportContext context, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        header(report, w);
        w.println();
        SeverityTotals totals = SeverityTotals.of(report.findings());
        ScanCoverage coverage = ScanCoverage.of(report);
        if (report.findings().isEmpty() && coverage.packages() == 0) {
            w.println("Nothing was checked: no package was found (see Warnings)");
        } else if (report.findings().isEmpty() && coverage.evaluated() == 0) {
            w.println("Nothing was checked: none of the " + coverage.packages()
                    + " packages is in an ecosystem the database covers (see Not evaluated)");
        } else if (report.findings().isEmpty()) {
            w.println("No vulnerabilities found in " + coverage.evaluated() + " evaluated packages");
        } else {
            w.println(totalsLine(totals));
            for (Severity severity : ORDER) {
                List<ScanFinding> group = report.findings().stream()
                        .filter(f -> f.severity().severity() == severity).toList();
                if (!group.isEmpty()) {
                    w.println();
                    w.println(severity + " (" + group.size() + ")");
                    table(group, w);
                }
            }
        }
        limits(report, w);
        w.flush();
    }

    /** Packages of ecosystems the database covers. */
    private static void header(ScanReport report, PrintWriter w) {
        ScanTarget target = report.inventory().target();
        w.println("Target:   " + target.name()
                + (target.kind() == ScanTarget.Kind.CONTAINER_IMAGE ? " (container image)" : " (file system)"));
        if (target.digest() != null) {
            w.println("Digest:   " + target.digest());
        }
        if (target.platform() != null) {
            w.println("Platform: " + target.platform());
        }
        OsRelease os = report.inventory().os();
        w.println("OS:       " + (os == null ? "not detected"
                : (os.prettyName() != null ? os.prettyName() + " (" + os.id() + " " + os.versionId() + ")"
                : os.id() + " " + os.versionId())));
        Duration age = report.database().age(report.scannedAt());
        w.println("Database: " + report.database().location() + ", age " + age(age)
                + (report.databaseStale() ? " (STALE)" : ""));
        for (SourceStatus source : report.database().sources()) {
            w.println("  " + source.name() + ": " + source.totalRecords() + " records, imported " + source.importedAt()
                    + (source.newestRecord() == null ? "" : ", newest record " + source.newestRecord()));
        }
        w.println("Scanned:  " + report.scannedAt());
    }

    /** Days and hours, the precision that matters for a database age. */
    static String age(Duration age) {
        long days = age.toDays();
        long hours = age.minusDays(days).toHours();
        return days > 0 ? days + "d " + hours + "h" : hours + "h " + age.minusHours(age.toHours()).toMinutes() + "m";
    }

    static String totalsLine(SeverityTotals totals) {
        List<String> parts = new ArrayList<>();
        for (Severity s : ORDER) {
            if (s != Severity.NONE || totals.count(s) > 0) {
                parts.add(s + ": " + totals.count(s));
            }
        }
        return "Total: " + totals.total() + " (" + String.join(", ", parts) + ")";
    }

    private static void table(List<ScanFinding> findings, PrintWriter w) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (ScanFinding f : findings) {
            rows.add(List.of(f.pkg().name(), f.installedVersion(), f.fixable() ? f.fixedVersion() : "-", f.id(),
                    f.advisory().summary() == null ? "" : f.advisory().summary()));
        }
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == row.size() - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
            }
            w.println(line.toString().stripTrailing());
        }
    }

    private static void limits(ScanReport report, PrintWriter w) {
        if (!report.notEvaluated().isEmpty()) {
            w.println();
            w.println("Not evaluated (no vulnerability data for these ecosystems):");
            for (NotEvaluated n : report.notEvaluated()) {
                w.println("  " + n.ecosystem() + ": " + n.packages() + " packages");
            }
        }
        if (!report.problems().isEmpty()) {
            w.println();
            w.println("Problems (advisories that could not be evaluated):");
            report.problems().forEach(p -> w.println("  " + p));
        }
        if (!report.suppressed().isEmpty()) {
            w.println();
            w.println("Suppressed: " + report.suppressed().size() + " ("
                    + report.suppressed().stream().map(TableReportWriter::suppression).collect(Collectors.joining("; "))
                    + ")");
        }
        List<String> warnings = new ArrayList<>(report.warnings());
        for (AnalysisWarning warning : report.inventory().warnings()) {
            warnings.add(warning.toString());
        }
        if (!report.inventory().complete()) {
            warnings.add("the analysis is incomplete: part of the image was not analysed");
        }
        if (!warnings.isEmpty()) {
            w.println();
            w.println("Warnings:");
            warnings.forEach(warning -> w.println("  " + warning));
        }
    }

    private static String suppression(Suppression s) {
        return s.finding().id() + " in " + s.finding().pkg().name() + ": " + s.reason();
    }
}
