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
import io.stella.testing.gobinary.EsbuildBinaries;
import io.stella.testing.gobinary.RawGoFacts;
import io.stella.vulndb.VulnDatabase;
import io.stella.vulndb.store.VulnerabilityStore;
import io.stella.vulndb.version.VersionSchemes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Go executables (esbuild's npm packages, built with modules) in a root file system, matched against the
 * Go vulnerability database: the findings for the modules and for {@code stdlib} equal what the OSV zip
 * implies for the modules and toolchain the binary's bytes show ({@link RawGoFacts}).
 */
@Tag("integration")
class GoBinaryGroundTruthTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = EsbuildBinaries.class, names = {"X64_0_11_23", "X64_0_25_0"})
    void findingsForModulesAndStdlibEqualWhatTheGoVulndbImplies(EsbuildBinaries esbuild) throws Exception {
        Path binary = esbuild.binary();
        byte[] bytes = Files.readAllBytes(binary);
        Set<String> releases = RawGoFacts.releaseTokens(bytes);
        assertThat(releases).hasSize(1);
        Map<String, String> modules = new TreeMap<>();
        modules.put("stdlib", releases.iterator().next());
        for (String dep : RawGoFacts.dependencies(bytes)) {
            int at = dep.lastIndexOf('@');
            modules.put(dep.substring(0, at), dep.substring(at + 1).replaceFirst("^v", ""));
        }
        Path zip = TestData.path("osv/go-vulndb.zip");
        Map<String, String> expected = GoVulndbExpectation.findings(zip, modules,
                VersionSchemes.installed().byId("go").orElseThrow());

        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("usr/local/bin"));
        Files.copy(binary, rootfs.resolve("usr/local/bin/esbuild"));
        VulnDatabase db = VulnDatabase.open(dir.resolve("stella.db"));
        db.importPaths(List.of(zip));
        Inventory inventory;
        try (ImageSource source = ImageSources.openRootfs(rootfs.toString(), LayerLimits.DEFAULT)) {
            inventory = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source);
        }
        ScanReport report;
        try (VulnerabilityStore store = db.openStore()) {
            report = new VulnerabilityScanner(store, VersionSchemes.installed(),
                    new ScanOptions(Duration.ofDays(365_000), Clock.systemUTC())).scan(inventory);
        }

        Map<String, String> found = new TreeMap<>();
        for (ScanFinding f : report.findings()) {
            found.put(f.pkg().name() + " " + f.id(), f.fixedVersion() == null ? "" : f.fixedVersion());
        }
        assertThat(report.notEvaluated()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(found).isEqualTo(expected);
        assertThat(expected.keySet()).as("an old toolchain has known stdlib vulnerabilities")
                .anyMatch(k -> k.startsWith("stdlib "));
    }
}
