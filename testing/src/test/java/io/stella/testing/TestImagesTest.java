package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestImagesTest {

    @Test
    void singleArchLayoutIsContentAddressedAndTagged(@TempDir Path dir) throws Exception {
        Path layout = TestImages.singleArch(dir, "linux", "arm64", "v8", 100_000);

        JsonNode index = read(layout.resolve("index.json"));
        JsonNode entry = index.get("manifests").get(0);
        assertThat(entry.get("annotations").get("org.opencontainers.image.ref.name").asText()).isEqualTo("latest");
        assertThat(entry.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(Files.readString(layout.resolve("oci-layout"))).contains("1.0.0");

        JsonNode manifest = blob(layout, entry);
        JsonNode config = blob(layout, manifest.get("config"));
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(config.get("architecture").asText()).isEqualTo("arm64");
        assertThat(config.get("variant").asText()).isEqualTo("v8");

        JsonNode layer = manifest.get("layers").get(0);
        Path layerFile = blobPath(layout, layer.get("digest").asText());
        assertThat(Files.size(layerFile)).isEqualTo(layer.get("size").asLong());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(layerFile))) {
            assertThat("sha256:" + sha256(in)).isEqualTo(config.get("rootfs").get("diff_ids").get(0).asText());
        }
        // Random payload: the layer barely compresses.
        assertThat(layer.get("size").asLong()).isGreaterThan(100_000);

        for (Path blob : blobs(layout)) {
            try (InputStream in = Files.newInputStream(blob)) {
                assertThat(sha256(in)).isEqualTo(blob.getFileName().toString());
            }
        }
    }

    @Test
    void layerIsAValidTarForGnuTar(@TempDir Path dir) throws Exception {
        Path layout = TestImages.singleArch(dir, "linux", "amd64", null, 1234);
        JsonNode manifest = blob(layout, read(layout.resolve("index.json")).get("manifests").get(0));
        Path layer = blobPath(layout, manifest.get("layers").get(0).get("digest").asText());

        Process tar = new ProcessBuilder("tar", "-xzf", layer.toString(), "-C", dir.toString()).inheritIO().start();
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("etc/os-release"))).contains("ID=stella-test");
        assertThat(Files.size(dir.resolve("payload.bin"))).isEqualTo(1234);
    }

    @Test
    void multiArchIndexHasOneImagePerPlatform(@TempDir Path dir) throws Exception {
        List<TestImages.Platform> platforms = List.of(new TestImages.Platform("linux", "amd64", null),
                TestImages.Platform.parse("linux/arm64/v8"), TestImages.Platform.parse("linux/arm/v7"));
        Path layout = TestImages.multiArch(dir, platforms, 10_000);

        JsonNode top = read(layout.resolve("index.json")).get("manifests").get(0);
        assertThat(top.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
        JsonNode index = blob(layout, top);
        assertThat(index.get("manifests")).hasSize(3);
        assertThat(index.get("manifests").get(2).get("platform").get("variant").asText()).isEqualTo("v7");
        assertThat(index.get("manifests").get(0).get("platform").has("variant")).isFalse();
        Stream<String> layers = Stream.of(0, 1, 2).map(i ->
                blob(layout, index.get("manifests").get(i)).get("layers").get(0).get("digest").asText());
        assertThat(layers.distinct()).hasSize(3);
    }

    @Test
    void imagesAreReproducible(@TempDir Path dir) throws Exception {
        Path a = TestImages.singleArch(dir.resolve("a"), "linux", "amd64", null, 5000);
        Path b = TestImages.singleArch(dir.resolve("b"), "linux", "amd64", null, 5000);
        assertThat(Files.readString(a.resolve("index.json"))).isEqualTo(Files.readString(b.resolve("index.json")));
    }

    @Test
    void alpineArchiveIsAnUncompressedDockerSave() throws Exception {
        Path archive = TestImages.alpineArchive("3.11");
        assertThat(TestImages.alpineArchive("311")).isEqualTo(archive);
        Process tar = new ProcessBuilder("tar", "-tf", archive.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).isZero();
        assertThat(listing).contains("manifest.json");
    }

    private static JsonNode read(Path file) throws IOException {
        return Http.JSON.readTree(file.toFile());
    }

    private static JsonNode blob(Path layout, JsonNode descriptor) {
        try {
            Path file = blobPath(layout, descriptor.get("digest").asText());
            assertThat(Files.size(file)).isEqualTo(descriptor.get("size").asLong());
            return read(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path blobPath(Path layout, String digest) {
        return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static List<Path> blobs(Path layout) throws IOException {
        try (Stream<Path> files = Files.list(layout.resolve("blobs/sha256"))) {
            return files.toList();
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
