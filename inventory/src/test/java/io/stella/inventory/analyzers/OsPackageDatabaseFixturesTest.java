package io.stella.inventory.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.analyzers.apk.ApkAnalyzer;
import io.stella.inventory.analyzers.dpkg.DpkgAnalyzer;
import io.stella.inventory.spi.AnalyzerHarness;
import io.stella.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The apk and dpkg databases other scanners test with (pkgdb/), read by our analyzers. */
class OsPackageDatabaseFixturesTest {
    private static final Path PKGDB = TestImages.testData().resolve("pkgdb");

    @Test
    void apkFixturesOfTrivyAndSyftGiveEveryRecord() throws Exception {
        for (String fixture : List.of("trivy/apk-installed", "syft/alpine-multiple-2-installed")) {
            Path file = PKGDB.resolve(fixture);
            var result = AnalyzerHarness.analyze(new ApkAnalyzer(), "lib/apk/db/installed", file);
            List<String> expected = new ArrayList<>();
            String name = null;
            int withoutVersion = 0;
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    withoutVersion += name != null ? 1 : 0;
                    name = null;
                } else if (line.startsWith("P:")) {
                    name = line.substring(2);
                } else if (line.startsWith("V:")) {
                    expected.add(name + " " + line.substring(2));
                    name = null;
                }
            }
            expected.sort(null);
            assertThat(result.packages().stream().map(p -> p.name() + " " + p.version()).sorted().toList())
                    .as(fixture).isEqualTo(expected);
            assertThat(result.warnings()).as(fixture).hasSize(withoutVersion)
                    .allSatisfy(w -> assertThat(w.kind()).isEqualTo("malformed-record"));
        }
    }

    @Test
    void statusDRecordsWithoutNameOrVersionAreNamedAndSkipped() throws Exception {
        var result = AnalyzerHarness.analyze(new DpkgAnalyzer(), "var/lib/dpkg/status.d/multiple",
                PKGDB.resolve("syft/dpkg-status-multiple"));
        assertThat(result.packages()).extracting(Package::name).containsExactlyInAnyOrder("tzdata", "util-linux");
        Package tzdata = result.packages().stream().filter(p -> p.name().equals("tzdata")).findFirst().orElseThrow();
        assertThat(tzdata.sourceName()).isEqualTo("tzdata-dev");
        assertThat(tzdata.sourceVersion()).isEqualTo(tzdata.version());
        assertThat(result.warnings()).extracting(AnalysisWarning::kind).containsOnly("malformed-record").hasSize(2);
    }

    @Test
    void onlyInstalledPackagesOfAStatusFileCount() throws Exception {
        Path status = PKGDB.resolve("syft/image-pkg-coverage-dpkg-status");
        var result = AnalyzerHarness.analyze(new DpkgAnalyzer(), "var/lib/dpkg/status", status);
        long installed = Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("Status:") && l.trim().endsWith(" installed")).count();
        assertThat(result.packages()).hasSize((int) installed);
    }
}
