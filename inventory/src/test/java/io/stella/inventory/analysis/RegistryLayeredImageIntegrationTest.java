package io.stella.inventory.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.source.OciLayoutSource;
import io.stella.image.source.RegistryImageSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.Package;
import io.stella.registry.ImageReference;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.testing.Closer;
import io.stella.testing.LayeredImage;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-layer image on a real Alpine 3.20 base, whose second (zstd) layer removes a package the way
 * apk does (database rewritten, the package's files whited out) and whose third deletes the apk database
 * of nothing but adds a Debian-style distroless package record — pushed with skopeo to a real registry
 * and analysed from there and from the layout.
 */
@Tag("integration")
class RegistryLayeredImageIntegrationTest {
    private static final String REMOVED = "ssl_client";

    static LocalRegistry registry;
    static Path layout;
    static List<String> expectedApk;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        Path data = TestImages.testData();
        String database = Files.readString(data.resolve("pkgdb/alpine/installed-3.20.3"));
        String withoutRemoved = withoutPackage(database, REMOVED);
        expectedApk = ApkDatabaseLines.nameVersions(withoutRemoved);
        assertThat(expectedApk).hasSize(ApkDatabaseLines.nameVersions(database).size() - 1);

        layout = new LayeredImage()
                .addTarGz(data.resolve("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"),
                        "sha256:1bccf10afce5c1ffe31381419930ad565c1436eaeb1ca680494b0663e0028419")
                .add(LayeredImage.layer().compression(LayeredImage.Compression.ZSTD)
                        .file("lib/apk/db/installed", withoutRemoved)
                        .whiteout("usr/bin/" + REMOVED))
                .add(LayeredImage.layer().compression(LayeredImage.Compression.NONE)
                        .directory("var/lib/dpkg/status.d")
                        .file("var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\n"
                                + "Architecture: all\n\n"))
                .writeLayout(dir.resolve("layout"), "app");
        registry = LocalRegistry.builder().anonymous().start();
        Skopeo.copy(Skopeo.oci(layout, "app"), registry, "team/app:1", PushAuth.NONE, false);

        // a layer whose blob is intact as stored (its digest matches) but whose gzip stream stops halfway
        byte[] alpine = Files.readAllBytes(data.resolve("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz"));
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, java.util.Arrays.copyOf(alpine, alpine.length / 2));
        Path broken = new LayeredImage().addTarGz(cut, "sha256:" + "0".repeat(64)).writeLayout(dir.resolve("broken"), "b");
        Skopeo.copy(Skopeo.oci(broken, "b"), registry, "team/broken:1", PushAuth.NONE, false);
        brokenLayer = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(cut)));
    }

    static String brokenLayer;

    @Test
    void aLayerThatIsNotAWholeArchiveIsLayerCorruptNamingItsDigest() {
        ImageSource source = new RegistryImageSource(client(), ImageReference.parse(registry.host() + "/team/broken:1"),
                Optional.empty(), LayerLimits.DEFAULT);
        assertThatThrownBy(() -> ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.LAYER_CORRUPT);
                    assertThat(e.getMessage()).contains(brokenLayer);
                    assertThat(e.evidence()).containsEntry("layer", brokenLayer).containsKey("last_entry");
                });
    }

    private static RegistryClient client() {
        return RegistryClient.builder(Endpoint.parse(registry.host(), false))
                .environment(Map.of())
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(10)))
                .build();
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry);
    }

    @Test
    void fromTheRegistry() throws Exception {
        ImageSource source = new RegistryImageSource(client(), ImageReference.parse(registry.host() + "/team/app:1"),
                Optional.empty(), LayerLimits.DEFAULT);
        check(source, ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source));
    }

    @Test
    void fromTheLayout() throws Exception {
        ImageSource source = new OciLayoutSource(layout, "app", Optional.empty(), LayerLimits.DEFAULT);
        check(source, ImageAnalyzer.withInstalledAnalyzers(AnalysisOptions.DEFAULT).analyze(source));
    }

    private static void check(ImageSource source, Inventory inventory) {
        var layers = source.metadata().layers();
        assertThat(layers).hasSize(3);
        assertThat(inventory.os().id()).isEqualTo("alpine");
        assertThat(inventory.os().versionId()).isEqualTo("3.20.3");
        List<Package> apk = inventory.packages().stream().filter(p -> p.type().purlType().equals("apk")).toList();
        assertThat(apk.stream().map(p -> p.name() + " " + p.version()).sorted().toList()).isEqualTo(expectedApk);
        assertThat(apk).extracting(Package::name).doesNotContain(REMOVED);
        assertThat(apk).extracting(Package::layerDigest).containsOnly(layers.get(1).digest());
        List<Package> deb = inventory.packages().stream().filter(p -> p.type().purlType().equals("deb")).toList();
        assertThat(deb).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("tzdata");
            assertThat(p.filePath()).isEqualTo("var/lib/dpkg/status.d/tzdata");
            assertThat(p.layerDigest()).isEqualTo(layers.get(2).digest());
        });
        assertThat(inventory.target().layers()).containsExactlyElementsOf(
                layers.stream().map(l -> l.digest()).toList());
        assertThat(inventory.complete()).isTrue();
    }

    private static String withoutPackage(String database, String name) {
        List<String> kept = new ArrayList<>();
        for (String stanza : database.split("\n\n")) {
            if (!stanza.contains("\nP:" + name + "\n") && !stanza.startsWith("P:" + name + "\n")) {
                kept.add(stanza);
            }
        }
        return String.join("\n\n", kept);
    }
}
