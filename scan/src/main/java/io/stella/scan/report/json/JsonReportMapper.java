package io.stella.scan.report.json;

import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanCoverage;
import io.stella.scan.ScanReport;
import io.stella.scan.Suppression;
import io.stella.scan.report.SeverityTotals;
import io.stella.scan.report.json.wire.JsonDatabase;
import io.stella.scan.report.json.wire.JsonNotEvaluated;
import io.stella.scan.report.json.wire.JsonOs;
import io.stella.scan.report.json.wire.JsonPackage;
import io.stella.scan.report.json.wire.JsonReport;
import io.stella.scan.report.json.wire.JsonSource;
import io.stella.scan.report.json.wire.JsonSummary;
import io.stella.scan.report.json.wire.JsonSuppressed;
import io.stella.scan.report.json.wire.JsonVulnerability;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import java.time.Instant;
import java.util.List;

/** Maps a scan report to the JSON report's wire records. */
final class JsonReportMapper {
    static final int SCHEMA_VERSION = 1;

    private JsonReportMapper() {}

    static JsonReport map(ScanReport report) {
        Inventory inventory = report.inventory();
        OsRelease os = inventory.os();
        SeverityTotals totals = SeverityTotals.of(report.findings());
        return new JsonReport(SCHEMA_VERSION, inventory.target().name(), inventory.target().digest(),
                inventory.target().platform(),
                os == null ? null : new JsonOs(os.id(), os.versionId(), os.prettyName()),
                inventory.packages().stream().map(JsonReportMapper::pkg).toList(),
                report.findings().stream().map(JsonReportMapper::vulnerability).toList(),
                report.suppressed().stream().map(JsonReportMapper::suppressed).toList(),
                report.notEvaluated().stream().map(n -> new JsonNotEvaluated(n.ecosystem(), n.packages())).toList(),
                report.problems(),
                new JsonSummary(totals.total(), totals.count(Severity.CRITICAL), totals.count(Severity.HIGH),
                        totals.count(Severity.MEDIUM), totals.count(Severity.LOW), totals.count(Severity.NONE),
                        totals.count(Severity.UNKNOWN), inventory.packages().size(),
                        ScanCoverage.of(report).evaluated(), totals.fixable()),
                database(report.database(), report.databaseStale(), report.scannedAt()),
                warnings(report),
                text(report.scannedAt()));
    }

    private static JsonPackage pkg(Package p) {
        return new JsonPackage(p.name(), p.version(), p.type().purlType(), p.ecosystem(), p.purl(), p.sourceName(),
                p.sourceVersion(), p.layerDigest(), p.filePath());
    }

    private static JsonVulnerability vulnerability(ScanFinding f) {
        Package p = f.pkg();
        return new JsonVulnerability(f.id(), f.advisory().aliases(), p.name(), p.type().purlType(), p.ecosystem(),
                p.purl(), f.installedVersion(), f.fixable() ? f.fixedVersion() : null, f.severity().severity().name(),
                f.severity().score(), f.severity().vector(), f.advisory().summary(), f.advisory().source(),
                p.layerDigest(), p.filePath(), f.advisory().references());
    }

    private static JsonSuppressed suppressed(Suppression s) {
        ScanFinding f = s.finding();
        return new JsonSuppressed(f.id(), f.pkg().name(), f.pkg().purl(), f.installedVersion(), s.reason(), s.origin());
    }

    private static JsonDatabase database(DatabaseStatus database, boolean stale, Instant scannedAt) {
        List<JsonSource> sources = database.sources().stream().map(JsonReportMapper::source).toList();
        return new JsonDatabase(database.location(), sources, text(database.builtAt()),
                database.age(scannedAt).toSeconds(), stale);
    }

    private static JsonSource source(SourceStatus s) {
        return new JsonSource(s.name(), s.origin(), text(s.importedAt()), text(s.newestRecord()), s.totalRecords());
    }

    /** The scan's own warnings, then the analysis warnings of the inventory. */
    private static List<String> warnings(ScanReport report) {
        return java.util.stream.Stream.concat(report.warnings().stream(),
                report.inventory().warnings().stream().map(Object::toString)).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
