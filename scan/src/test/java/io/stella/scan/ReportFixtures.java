package io.stella.scan;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.ScanTarget;
import io.stella.scan.report.ReportContext;
import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Severity;
import io.stella.vulndb.model.SeverityRating;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One hand-made scan of an Alpine image with Python and Go packages: a finding of each severity (one
 * fixable CRITICAL, one HIGH without fix), one suppressed finding, npm not evaluated, a stale database.
 */
public final class ReportFixtures {
    public static final String IMAGE = "ghcr.io/stella-demo/shop-api:1.4.2";
    public static final String DIGEST = "sha256:4f1e9a0c2b7d4e8f9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071";
    public static final String BASE_LAYER = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public static final String APP_LAYER = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public static final Instant SCANNED_AT = Instant.parse("2025-03-14T09:30:00Z");
    public static final ReportContext CONTEXT = new ReportContext(
            Clock.fixed(Instant.parse("2025-03-14T09:31:00Z"), ZoneOffset.UTC),
            () -> UUID.fromString("3a1f4c2e-0b5d-4e6f-8a7b-9c0d1e2f3a4b"), "0.1.0-test");

    public static final Package MUSL = apk("musl", "1.2.5-r0");
    public static final Package BUSYBOX = apk("busybox", "1.36.1-r29");
    public static final Package REQUESTS = python("requests", "2.31.0");
    public static final Package URLLIB3 = python("urllib3", "2.0.7");
    public static final Package X_NET = Package.of(PackageType.GOLANG, "golang.org/x/net", "v0.17.0")
            .withFilePath("usr/local/bin/shop-api").withLayerDigest(APP_LAYER)
            .withIdentity("Go", "pkg:golang/golang.org/x/net@v0.17.0");
    public static final Package STDLIB = Package.of(PackageType.GOLANG, "stdlib", "v1.21.3")
            .withFilePath("usr/local/bin/shop-api").withLayerDigest(APP_LAYER)
            .withIdentity("Go", "pkg:golang/stdlib@v1.21.3");
    public static final Package LODASH = Package.of(PackageType.NPM, "lodash", "4.17.20")
            .withFilePath("app/node_modules/lodash/package.json").withLayerDigest(APP_LAYER)
            .withIdentity("npm", "pkg:npm/lodash@4.17.20");

    public static final ScanFinding CRITICAL = new ScanFinding(MUSL, advisory("CVE-2025-26519", List.of(),
            "musl: iconv out-of-bounds write on EUC-KR input", "alpine-secdb:v3.20",
            new SeverityRating(Severity.CRITICAL, 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
            "1.2.5-r0", "1.2.5-r1", new SeverityRating(Severity.CRITICAL, 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
    public static final ScanFinding HIGH = new ScanFinding(BUSYBOX, advisory("CVE-2023-42366", List.of(),
            "busybox: heap overflow in awk", "alpine-secdb:v3.20",
            new SeverityRating(Severity.HIGH, 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H")),
            "1.36.1-r29", null, new SeverityRating(Severity.HIGH, 7.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"));
    public static final ScanFinding MEDIUM = new ScanFinding(REQUESTS, advisory("GHSA-9wx4-h78v-vm56",
            List.of("CVE-2024-35195"), "Requests Session object does not verify requests after making first request with verify=False",
            "osv:PyPI", new SeverityRating(Severity.MEDIUM, 5.6, "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N")),
            "2.31.0", "2.32.0", new SeverityRating(Severity.MEDIUM, 5.6, "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N"));
    public static final ScanFinding LOW = new ScanFinding(X_NET, advisory("GO-2024-2687",
            List.of("CVE-2023-45288", "GHSA-4v7x-pqxf-cx7m"), "HTTP/2 CONTINUATION flood in net/http", "osv:Go",
            new SeverityRating(Severity.LOW, null, null)), "v0.17.0", "v0.23.0", new SeverityRating(Severity.LOW, null, null));
    public static final ScanFinding UNKNOWN = new ScanFinding(STDLIB, advisory("GO-2023-2185", List.of("CVE-2023-45283"),
            "Insecure parsing of Windows paths with a \\??\\ prefix in path/filepath", "osv:Go", SeverityRating.UNKNOWN),
            "v1.21.3", "v1.21.4", SeverityRating.UNKNOWN);
    public static final ScanFinding SUPPRESSED = new ScanFinding(URLLIB3, advisory("GHSA-34jh-p97f-mpxf",
            List.of("CVE-2024-37891"), "urllib3's Proxy-Authorization request header isn't stripped during cross-origin redirects",
            "osv:PyPI", new SeverityRating(Severity.MEDIUM, 4.4, "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:N")),
            "2.0.7", "2.2.2", new SeverityRating(Severity.MEDIUM, 4.4, "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:N/A:N"));

    public static final String STALE_WARNING = "the vulnerability database is 10 days old, older than vulndb.max_age (7 days):"
            + " recently published vulnerabilities are missing; run 'stella db update'";

    private ReportFixtures() {}

    public static Inventory inventory() {
        ScanTarget target = new ScanTarget(IMAGE, ScanTarget.Kind.CONTAINER_IMAGE, DIGEST, "linux/amd64",
                List.of(BASE_LAYER, APP_LAYER));
        OsRelease os = new OsRelease("alpine", "3.20.3", null, "Alpine Linux v3.20", "etc/os-release");
        return new Inventory(target, os, List.of(BUSYBOX, MUSL, REQUESTS, URLLIB3, X_NET, STDLIB, LODASH),
                List.of(new AnalysisWarning("unreadable-archive", APP_LAYER, "app/lib/legacy.jar",
                        "not a zip archive: end of central directory not found")),
                List.of("apk", "go-binary", "npm", "python-dist"));
    }

    public static DatabaseStatus database() {
        Instant imported = Instant.parse("2025-03-04T06:00:00Z");
        return new DatabaseStatus("/var/lib/stella/vulndb.sqlite", Instant.parse("2025-03-04T06:12:00Z"), List.of(
                new SourceStatus("alpine-secdb:v3.20", "https://secdb.alpinelinux.org/v3.20/main.json", imported,
                        null, Map.of("Alpine:v3.20", 1650L), null),
                new SourceStatus("osv:Go", "https://osv-vulnerabilities.storage.googleapis.com/Go/all.zip",
                        imported.plusSeconds(300), Instant.parse("2025-03-03T21:40:11Z"), Map.of("Go", 3412L), null),
                new SourceStatus("osv:PyPI", "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip",
                        imported.plusSeconds(600), Instant.parse("2025-03-03T23:02:45Z"), Map.of("PyPI", 14873L), null)));
    }

    /** The full fixture. */
    public static ScanReport report() {
        return new ScanReport(inventory(), List.of(CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN),
                List.of(new Suppression(SUPPRESSED, "not_affected: vulnerable_code_not_in_execute_path",
                        "vex/shop-api.openvex.json#/statements/0")),
                List.of(new NotEvaluated("npm", 1)),
                List.of("GHSA-w596-4wvx-j9j6 for urllib3 2.0.7: range event 'introduced: 2.0.0a1+local' is not a PyPI version"),
                database(), true, List.of(STALE_WARNING), SCANNED_AT);
    }

    /** The fixture with every finding gone (as after a filter): nothing found, but still not a clean bill. */
    public static ScanReport withoutFindings() {
        ScanReport full = report();
        return new ScanReport(full.inventory(), List.of(), full.suppressed(), full.notEvaluated(), full.problems(),
                full.database(), full.databaseStale(), full.warnings(), full.scannedAt());
    }

    public static ScanReport withFindings(List<ScanFinding> findings) {
        ScanReport full = report();
        return new ScanReport(full.inventory(), findings, List.of(), full.notEvaluated(), List.of(),
                full.database(), false, List.of(), full.scannedAt());
    }

    private static Package apk(String name, String version) {
        return Package.of(PackageType.APK, name, version).withSource(name, version).withArch("x86_64")
                .withFilePath("lib/apk/db/installed").withLayerDigest(BASE_LAYER)
                .withIdentity("Alpine", "pkg:apk/alpine/" + name + "@" + version + "?arch=x86_64&distro=alpine-3.20");
    }

    private static Package python(String name, String version) {
        return Package.of(PackageType.PYPI, name, version).withLicenses(List.of("Apache-2.0"))
                .withFilePath("usr/lib/python3.12/site-packages/" + name + "-" + version + ".dist-info/METADATA")
                .withLayerDigest(APP_LAYER).withIdentity("PyPI", "pkg:pypi/" + name + "@" + version);
    }

    private static Advisory advisory(String id, List<String> aliases, String summary, String source,
                                     SeverityRating severity) {
        return new Advisory(id, aliases, summary, severity, Instant.parse("2024-05-20T20:15:00Z"),
                Instant.parse("2024-11-02T10:00:00Z"), null, source,
                List.of("https://nvd.nist.gov/vuln/detail/" + (id.startsWith("CVE-") ? id : aliases.getFirst())));
    }
}
