package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.LayerLimits;
import io.stella.image.source.OciLayoutSource;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.inventory.analyzers.apk.ApkAnalyzer;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import io.stella.testing.LayeredImage;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryEdgeCasesTest {
    private static final String APK_DB = "lib/apk/db/installed";

    @TempDir
    Path dir;

    private Inventory analyze(LayeredImage image, List<PackageAnalyzer> analyzers, AnalysisOptions options)
            throws IOException {
        Path layout = image.writeLayout(dir.resolve("l" + System.nanoTime()), "t");
        return new ImageAnalyzer(analyzers, options)
                .analyze(new OciLayoutSource(layout, "t", Optional.empty(), LayerLimits.DEFAULT));
    }

    private static String database() throws IOException {
        return Files.readString(TestImages.testData().resolve("pkgdb/alpine/installed-3.20.3"));
    }

    @Test
    void anImageWithNothingRecognisableSaysSoNamingTheOsAndAnalyzers() throws Exception {
        Inventory inventory = analyze(new LayeredImage().add(LayeredImage.layer()
                        .file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n")
                        .file("usr/bin/tool", "#!/bin/sh\n")),
                ImageAnalyzer.installedAnalyzers(), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).isEmpty();
        assertThat(inventory.warnings()).extracting(AnalysisWarning::kind).containsExactly("inventory-empty");
        assertThat(inventory.warnings().get(0).message()).contains("Alpine Linux v3.20").contains("apk")
                .contains("dpkg");
    }

    @Test
    void aWholeDatabaseDeletedByAWhiteoutTakesItsPackagesAlong() throws Exception {
        Inventory inventory = analyze(new LayeredImage()
                        .add(LayeredImage.layer().file(APK_DB, database()))
                        .add(LayeredImage.layer().whiteout("lib/apk")),
                List.of(new ApkAnalyzer()), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).isEmpty();
    }

    @Test
    void anOpaqueDirectoryHidesTheDatabaseBeneathIt() throws Exception {
        Inventory inventory = analyze(new LayeredImage()
                        .add(LayeredImage.layer().file(APK_DB, database()))
                        .add(LayeredImage.layer().opaque("lib/apk/db").file("lib/apk/db/lock", "")),
                List.of(new ApkAnalyzer()), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).isEmpty();
    }

    @Test
    void aHardLinkedDatabaseCountsAtItsOwnPathWhenTheOriginalIsGone() throws Exception {
        Inventory inventory = analyze(new LayeredImage()
                        .add(LayeredImage.layer().file("tmp/db", database()).hardlink(APK_DB, "tmp/db"))
                        .add(LayeredImage.layer().whiteout("tmp/db")),
                List.of(new PackageAnalyzer() {
                    private final ApkAnalyzer apk = new ApkAnalyzer();

                    @Override
                    public String name() {
                        return "apk-anywhere";
                    }

                    @Override
                    public boolean accepts(FileInfo file) {
                        return apk.accepts(file) || file.path().equals("tmp/db");
                    }

                    @Override
                    public void analyze(AnalyzableFile file, Findings findings) throws IOException {
                        apk.analyze(file, findings);
                    }
                }), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).hasSize(ApkDatabaseLines.nameVersions(database()).size());
        assertThat(inventory.packages()).extracting(Package::filePath).containsOnly(APK_DB);
    }

    @Test
    void aFileOverThePerFileCapIsSkippedWithAWarning() throws Exception {
        Inventory inventory = analyze(new LayeredImage().add(LayeredImage.layer().file(APK_DB, database())),
                List.of(new ApkAnalyzer()), new AnalysisOptions(1024));
        assertThat(inventory.packages()).isEmpty();
        assertThat(inventory.warnings()).extracting(AnalysisWarning::kind).contains("oversized-file");
        AnalysisWarning w = inventory.warnings().stream().filter(x -> x.kind().equals("oversized-file")).findFirst()
                .orElseThrow();
        assertThat(w.path()).isEqualTo(APK_DB);
        assertThat(w.layer()).startsWith("sha256:");
    }

    @Test
    void anAnalyzerThatBreaksCostsOnlyItsFileAndIsNamed() throws Exception {
        PackageAnalyzer broken = new PackageAnalyzer() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean accepts(FileInfo file) {
                return file.path().equals(APK_DB);
            }

            @Override
            public void analyze(AnalyzableFile file, Findings findings) {
                throw new IllegalStateException("bug");
            }
        };
        Inventory inventory = analyze(new LayeredImage().add(LayeredImage.layer().file(APK_DB, database())),
                List.of(broken, new ApkAnalyzer()), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).hasSize(ApkDatabaseLines.nameVersions(database()).size());
        assertThat(inventory.warnings()).anySatisfy(w -> {
            assertThat(w.kind()).isEqualTo("analyzer-failed");
            assertThat(w.message()).contains("broken").contains("bug");
        });
    }

    @Test
    void aForeignLayerIsSkippedAndTheInventoryMarkedIncomplete() throws Exception {
        Inventory inventory = analyze(new LayeredImage()
                        .add(LayeredImage.layer().file(APK_DB, database()))
                        .add(LayeredImage.layer().file("windows/system", "x")
                                .mediaType("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip")),
                List.of(new ApkAnalyzer()), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).isNotEmpty();
        assertThat(inventory.warnings()).extracting(AnalysisWarning::kind).containsExactly("foreign-layer");
        assertThat(inventory.complete()).isFalse();
    }

    @Test
    void executablesWantedByTwoAnalyzersAreReadOnceAndSeenByBoth() throws Exception {
        byte[] goBinary = Files.readAllBytes(Path.of("/usr/bin/docker-registry"));
        Inventory inventory = analyze(new LayeredImage().add(LayeredImage.layer()
                        .file("usr/local/bin/registry", goBinary, 0755)
                        .file("usr/local/bin/script", "#!/bin/sh\necho hi\n".getBytes(), 0755)),
                ImageAnalyzer.installedAnalyzers(), AnalysisOptions.DEFAULT);
        assertThat(inventory.packages()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("stdlib");
            assertThat(p.purl()).startsWith("pkg:golang/stdlib@1.");
            assertThat(p.filePath()).isEqualTo("usr/local/bin/registry");
        });
        assertThat(inventory.warnings()).isEmpty();
    }
}
