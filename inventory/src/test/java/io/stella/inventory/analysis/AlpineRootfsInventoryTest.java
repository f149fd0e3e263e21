package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.LayerLimits;
import io.stella.image.source.RootfsTarSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Alpine minirootfs from 3.6 to edge, against INDEX.tsv and the release's own apk database. */
class AlpineRootfsInventoryTest {
    record Release(String tarball, String release, int packages, String diffId) {
        @Override
        public String toString() {
            return release;
        }
    }

    static Stream<Release> releases() throws IOException {
        Path index = TestImages.testData().resolve("rootfs/alpine/INDEX.tsv");
        return Files.readAllLines(index).stream().filter(l -> !l.isBlank()).map(line -> {
            String[] cols = line.split("\t");
            return new Release(cols[0], field(cols, "release="), Integer.parseInt(field(cols, "pkgs=")),
                    field(cols, "diffid="));
        });
    }

    private static String field(String[] cols, String prefix) {
        for (String c : cols) {
            if (c.startsWith(prefix)) {
                return c.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("no " + prefix);
    }

    @ParameterizedTest(name = "alpine {0}")
    @MethodSource("releases")
    void packagesMatchTheReleaseDatabase(Release release) throws IOException {
        Path tarball = TestImages.testData().resolve("rootfs/alpine/" + release.tarball());
        Inventory inventory;
        RootfsTarSource source = new RootfsTarSource(tarball, LayerLimits.DEFAULT);
        inventory = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source);

        assertThat(source.metadata().layers().get(0).diffId()).isEqualTo(release.diffId());
        assertThat(inventory.os()).isNotNull();
        assertThat(inventory.os().id()).isEqualTo("alpine");
        assertThat(inventory.os().versionId()).isEqualTo(release.release());

        List<Package> apk = inventory.packages().stream().filter(p -> p.type() == PackageType.APK).toList();
        assertThat(apk).hasSize(release.packages());

        String stamp = release.tarball().replace("alpine-minirootfs-", "").replace("-x86_64.tar.gz", "");
        String database = Files.readString(TestImages.testData().resolve("pkgdb/alpine/installed-" + stamp));
        assertThat(apk.stream().map(p -> p.name() + " " + p.version()).sorted().toList())
                .isEqualTo(ApkDatabaseLines.nameVersions(database));

        String[] v = release.release().split("\\.");
        String distro = "alpine-" + v[0] + "." + (v.length > 1 ? v[1] : "");
        for (Package p : apk) {
            assertThat(p.purl()).startsWith("pkg:apk/alpine/" + p.name() + "@").contains("distro=" + distro)
                    .contains("arch=x86_64");
            assertThat(p.ecosystem()).isEqualTo("Alpine");
            assertThat(p.filePath()).isEqualTo("lib/apk/db/installed");
            assertThat(p.layerDigest()).isEqualTo(release.diffId());
            assertThat(p.sourceName()).isNotBlank();
            assertThat(p.licenses()).isNotEmpty();
        }
        assertThat(inventory.warnings()).isEmpty();
        assertThat(inventory.complete()).isTrue();
    }
}
