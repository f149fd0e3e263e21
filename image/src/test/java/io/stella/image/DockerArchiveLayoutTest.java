package io.stella.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.image.source.DockerArchiveSource;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker save archives as older docker writes them: manifest.json last, a duplicate layer stored once and
 * linked, read both by offsets (plain tar) and in one pass (gzip'd), with the config's diff ids checked.
 */
class DockerArchiveLayoutTest {
    @TempDir
    Path dir;

    private static byte[] layer(String file, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry(file);
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private Path archive(boolean gzip, boolean spoilDiffId) throws Exception {
        byte[] base = layer("etc/base", "base");
        byte[] top = layer("etc/top", "top");
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(base) + "\",\"" + sha256(top) + "\",\"" + (spoilDiffId ? sha256(top) : sha256(base)) + "\"]}}";
        String manifest = "[{\"Config\":\"cfg.json\",\"RepoTags\":[\"x:1\"],\"Layers\":[\"a/layer.tar\",\"b/layer.tar\","
                + "\"c/layer.tar\"]}]";
        Path file = dir.resolve(gzip ? "image.tar.gz" : "image.tar");
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            put(tar, "a/layer.tar", base);
            put(tar, "b/layer.tar", top);
            TarArchiveEntry link = new TarArchiveEntry("c/layer.tar", TarConstants.LF_SYMLINK);
            link.setLinkName("../a/layer.tar");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            put(tar, "cfg.json", config.getBytes(StandardCharsets.UTF_8));
            put(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    @Test
    void plainAndGzipArchivesGiveTheSameLayersAndALinkedLayerIsReadOnce() throws Exception {
        for (boolean gzip : new boolean[] {false, true}) {
            DockerArchiveSource source = new DockerArchiveSource(archive(gzip, false), LayerLimits.DEFAULT);
            RecordingVisitor visitor = new RecordingVisitor();
            source.walk(visitor);
            List<LayerRef> layers = source.metadata().layers();
            assertThat(layers).extracting(LayerRef::key).as("gzip=" + gzip)
                    .containsExactly("a/layer.tar", "b/layer.tar", "a/layer.tar");
            assertThat(layers.get(0).diffId()).isEqualTo(layers.get(2).diffId()).isNotEqualTo(layers.get(1).diffId());
            assertThat(visitor.entries.keySet()).containsExactlyInAnyOrder("a/layer.tar", "b/layer.tar");
            assertThat(visitor.contents).containsEntry("b/layer.tar:etc/top", "top");
            assertThat(source.metadata().platform()).isEqualTo("linux/amd64");
        }
    }

    @Test
    void aLayerThatDoesNotMatchTheConfigIsLayerCorrupt() throws Exception {
        for (boolean gzip : new boolean[] {false, true}) {
            DockerArchiveSource source = new DockerArchiveSource(archive(gzip, true), LayerLimits.DEFAULT);
            assertThatThrownBy(() -> source.walk(new RecordingVisitor()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(FailureCode.LAYER_CORRUPT);
                        assertThat(e.evidence()).containsKeys("expected_diff_id", "actual_diff_id");
                    });
        }
    }
}
