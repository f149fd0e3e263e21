package io.stella.scan.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.source.ImageSources;
import io.stella.inventory.Inventory;
import io.stella.inventory.analysis.AnalysisOptions;
import io.stella.inventory.analysis.ImageAnalyzer;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stella's findings against Alpine's security database, compared with what the data itself implies
 * ({@link SecdbExpectation}: the secdb YAML and the image's apk database read without stella).
 */
class AlpineSecdbGroundTruthTest {
    @TempDir
    Path dir;

    private ScanReport scan(ImageSource source, String branch) throws Exception {
        VulnDatabase db = VulnDatabase.open(dir.resolve("stella.db"));
        db.importPaths(List.of(secdb(branch, "main"), secdb(branch, "community")));
        Inventory inventory;
        try (source) {
            inventory = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source);
        }
        try (VulnerabilityStore store = db.openStore()) {
            // The secdb snapshot is from 2020: age is not what this test is about.
            return new VulnerabilityScanner(store, VersionSchemes.installed(),
                    new ScanOptions(Duration.ofDays(365_000), Clock.systemUTC())).scan(inventory);
        }
    }

    private static Path secdb(String branch, String repo) {
        return TestData.path("alpine-secdb/" + branch + "/" + repo + ".yaml");
    }

    private static Map<String, String> found(ScanReport report) {
        Map<String, String> found = new TreeMap<>();
        for (ScanFinding f : report.findings()) {
            found.put(f.pkg().name() + " " + f.id(), f.fixedVersion());
        }
        return found;
    }

    @Test
    void alpine310ArchiveHasExactlyTheFindingsItsSecdbImpliesNone() throws Exception {
        Path archive = TestData.path("images/trivy-fanal-alpine-310.tar.gz");
        ApkDatabase installed = ApkDatabase.parse(ArchiveEntries.textInLayers(archive, "lib/apk/db/installed"));
        Map<String, String> expected = SecdbExpectation.findings(installed, secdb("v3.10", "main"), secdb("v3.10", "community"));

        ScanReport report = scan(ImageSources.openInput(archive.toString(), Optional.empty(), LayerLimits.DEFAULT), "v3.10");

        // Every package was evaluated against Alpine v3.10 data: an empty result here means "checked, clean".
        assertThat(report.inventory().packages()).hasSize(installed.packages().size());
        assertThat(report.notEvaluated()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(found(report)).isEqualTo(expected);
        assertThat(expected).as("3.10.4 carries every fix the 2020 secdb lists").isEmpty();
    }

    @Test
    void alpine311ArchiveHasExactlyTheFindingsItsSecdbImplies() throws Exception {
        Path archive = TestData.path("images/trivy-fanal-alpine-311.tar.gz");
        ApkDatabase installed = ApkDatabase.parse(ArchiveEntries.textInLayers(archive, "lib/apk/db/installed"));
        Map<String, String> expected = SecdbExpectation.findings(installed, secdb("v3.11", "main"), secdb("v3.11", "community"));

        ScanReport report = scan(ImageSources.openInput(archive.toString(), Optional.empty(), LayerLimits.DEFAULT), "v3.11");

        assertThat(report.notEvaluated()).isEmpty();
        assertThat(found(report)).isEqualTo(expected);
    }

    @Test
    void alpine373RootfsIsAffectedThroughItsOriginAndNamesTheFix() throws Exception {
        Path rootfs = TestData.path("rootfs/alpine/alpine-minirootfs-3.7.3-x86_64.tar.gz");
        ApkDatabase installed = ApkDatabase.parse(Files.readString(TestData.path("pkgdb/alpine/installed-3.7.3")));
        Map<String, String> expected = SecdbExpectation.findings(installed, secdb("v3.7", "main"), secdb("v3.7", "community"));

        ScanReport report = scan(ImageSources.openRootfs(rootfs.toString(), LayerLimits.DEFAULT), "v3.7");

        assertThat(report.notEvaluated()).isEmpty();
        assertThat(found(report)).isEqualTo(expected);
        // The binary package musl-utils is only reachable through its origin, musl.
        assertThat(expected).containsEntry("musl CVE-2019-14697", "1.1.18-r4")
                .containsEntry("musl-utils CVE-2019-14697", "1.1.18-r4");
        ScanFinding muslUtils = report.findings().stream().filter(f -> f.pkg().name().equals("musl-utils")).findFirst()
                .orElseThrow();
        assertThat(muslUtils.installedVersion()).isEqualTo("1.1.18-r3");
        assertThat(muslUtils.advisory().source()).isEqualTo("alpine-secdb:v3.7/main");
        assertThat(muslUtils.pkg().layerDigest()).startsWith("sha256:");
    }
}
