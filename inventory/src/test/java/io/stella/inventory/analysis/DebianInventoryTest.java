package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.LayerLimits;
import io.stella.image.source.RootfsDirectorySource;
import io.stella.image.source.RootfsTarSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian 12 minbase dpkg database, against what the real dpkg-query says of it. */
class DebianInventoryTest {
    private static final Path SKELETON =
            TestImages.testData().resolve("rootfs/debian-bookworm-minbase-pkgdb-skeleton.tar.gz");

    @TempDir
    Path root;

    @Test
    void theTarballAndTheUnpackedDirectoryBothMatchDpkgQuery() throws Exception {
        run("tar", "-xzf", SKELETON.toString(), "-C", root.toString());
        List<String> expected = dpkgQueryInstalled(root.resolve("var/lib/dpkg"));
        assertThat(expected).hasSize(88);

        Inventory fromTar = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT)
                .analyze(new RootfsTarSource(SKELETON, LayerLimits.DEFAULT));
        Inventory fromDir = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT)
                .analyze(new RootfsDirectorySource(root));

        for (Inventory inventory : List.of(fromTar, fromDir)) {
            List<Package> deb = inventory.packages().stream().filter(p -> p.type() == PackageType.DEB).toList();
            assertThat(deb.stream().map(p -> p.name() + "\t" + p.version() + "\t" + p.arch()).sorted().toList())
                    .isEqualTo(expected);
            assertThat(inventory.os().id()).isEqualTo("debian");
            assertThat(inventory.os().versionId()).isEqualTo("12");
            assertThat(inventory.os().codename()).isEqualTo("bookworm");
            for (Package p : deb) {
                assertThat(p.purl()).startsWith("pkg:deb/debian/").contains("distro=debian-12");
                assertThat(p.ecosystem()).isEqualTo("Debian");
                assertThat(p.sourceName()).isNotBlank();
            }
        }
        List<String> sources = sourcesByDpkgQuery(root.resolve("var/lib/dpkg"));
        assertThat(fromTar.packages().stream().map(p -> p.name() + "\t" + p.sourceName() + "\t" + p.sourceVersion())
                .sorted().toList()).isEqualTo(sources);
    }

    /** Name, version and architecture of every installed package, as dpkg-query prints them. */
    private static List<String> dpkgQueryInstalled(Path admindir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : run("dpkg-query", "--admindir=" + admindir, "-W",
                "-f=${db:Status-Status}\t${Package}\t${Version}\t${Architecture}\n").split("\n")) {
            if (line.startsWith("installed\t")) {
                out.add(line.substring("installed\t".length()));
            }
        }
        out.sort(null);
        return out;
    }

    /** Source name and version (dpkg's ${source:Package} and ${source:Version}) of every installed package. */
    private static List<String> sourcesByDpkgQuery(Path admindir) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : run("dpkg-query", "--admindir=" + admindir, "-W",
                "-f=${db:Status-Status}\t${Package}\t${source:Package}\t${source:Version}\n").split("\n")) {
            if (line.startsWith("installed\t")) {
                out.add(line.substring("installed\t".length()));
            }
        }
        out.sort(null);
        return out;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + err);
        }
        return out;
    }
}
