package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.LayerLimits;
import io.stella.image.source.DockerArchiveSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two real docker save archives, gzip'd and plain, against their apk database unpacked by GNU tar. */
class DockerArchiveInventoryTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "alpine {0}")
    @CsvSource({"310, 3.10.4", "311, 3.11.5"})
    void packagesMatchTheDatabaseInTheArchive(String compact, String release) throws Exception {
        Path gz = TestImages.testData().resolve("images/trivy-fanal-alpine-" + compact + ".tar.gz");
        String database = databaseUnpackedByTar(gz);

        for (Path archive : List.of(gz, TestImages.alpineArchive(compact))) {
            DockerArchiveSource source = new DockerArchiveSource(archive, LayerLimits.DEFAULT);
            Inventory inventory = ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source);
            assertThat(inventory.os().id()).isEqualTo("alpine");
            assertThat(inventory.os().versionId()).isEqualTo(release);
            assertThat(inventory.packages().stream().map(p -> p.name() + " " + p.version()).sorted().toList())
                    .isEqualTo(ApkDatabaseLines.nameVersions(database));
            String diffId = source.metadata().layers().get(0).diffId();
            assertThat(diffId).startsWith("sha256:");
            assertThat(inventory.packages()).extracting(Package::layerDigest).containsOnly(diffId);
            assertThat(inventory.target().platform()).isEqualTo("linux/amd64");
        }
    }

    /** GNU tar unpacks the archive, then its single layer, and we read lib/apk/db/installed from disk. */
    private String databaseUnpackedByTar(Path archive) throws Exception {
        Path outer = Files.createDirectories(work.resolve("outer"));
        run("tar", "-xzf", archive.toString(), "-C", outer.toString());
        Path layer;
        try (var files = Files.walk(outer)) {
            layer = files.filter(p -> p.getFileName().toString().equals("layer.tar")).findFirst().orElseThrow();
        }
        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        run("tar", "-xf", layer.toString(), "-C", rootfs.toString());
        return Files.readString(rootfs.resolve("lib/apk/db/installed"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
