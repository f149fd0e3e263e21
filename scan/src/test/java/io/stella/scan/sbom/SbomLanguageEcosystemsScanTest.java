package io.stella.scan.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.Inventory;
import io.stella.scan.ScanFinding;
import io.stella.scan.ScanOptions;
import io.stella.scan.ScanReport;
import io.stella.scan.VulnerabilityScanner;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.version.VersionSchemes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ecosystems no image analyzer finds yet but SBOMs name (Composer, NuGet): an SBOM's purls through the
 * database (OSV records in their osv.dev shape) to findings, with each ecosystem's own version ordering.
 */
class SbomLanguageEcosystemsScanTest {
    @TempDir
    Path dir;

    private Path osv(String id, String ecosystem, String name, String introduced, String fixed) throws Exception {
        return Files.writeString(dir.resolve(id + ".json"), """
                {"schema_version": "1.6.0", "id": "%s", "modified": "2026-11-01T00:00:00Z",
                 "aliases": ["CVE-2099-%s"],
                 "affected": [{"package": {"ecosystem": "%s", "name": "%s"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "%s"}, {"fixed": "%s"}]}]}]}
                """.formatted(id, id.hashCode() & 0xffff, ecosystem, name, introduced, fixed));
    }

    @Test
    void composerAndNugetComponentsAreMatchedWithTheirOwnVersionOrdering() throws Exception {
        VulnDatabase db = VulnDatabase.open(dir.resolve("stella.db"));
        db.importPaths(List.of(
                osv("GHSA-pkg1-0001", "Packagist", "guzzlehttp/guzzle", "7.0.0", "7.4.5"),
                // 7.4.5 is newer than 7.4.5-RC1: the RC must still count as affected
                osv("GHSA-pkg1-0002", "Packagist", "guzzlehttp/psr7", "0", "2.4.5"),
                osv("GHSA-nug1-0001", "NuGet", "Newtonsoft.Json", "0", "13.0.1")));
        Path bom = Files.writeString(dir.resolve("app.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
                  {"type": "library", "name": "guzzle", "version": "7.4.5-RC1", "purl": "pkg:composer/guzzlehttp/guzzle@7.4.5-RC1"},
                  {"type": "library", "name": "psr7", "version": "2.4.5", "purl": "pkg:composer/guzzlehttp/psr7@2.4.5"},
                  {"type": "library", "name": "Newtonsoft.Json", "version": "12.0.3", "purl": "pkg:nuget/Newtonsoft.Json@12.0.3"}]}
                """);
        Inventory inventory = SbomInventoryReader.read(bom);
        ScanReport report;
        try (VulnerabilityStore store = db.openStore()) {
            report = new VulnerabilityScanner(store, VersionSchemes.installed(),
                    new ScanOptions(Duration.ofDays(7), Clock.systemUTC())).scan(inventory);
        }
        assertThat(report.notEvaluated()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(report.findings()).extracting(f -> f.pkg().name() + " " + f.id() + " -> " + f.fixedVersion())
                .containsExactlyInAnyOrder("guzzlehttp/guzzle GHSA-pkg1-0001 -> 7.4.5",
                        "Newtonsoft.Json GHSA-nug1-0001 -> 13.0.1");
        assertThat(report.findings()).extracting(ScanFinding::installedVersion).contains("7.4.5-RC1", "12.0.3");
    }
}
