package io.stella.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.image.source.OciLayoutSource;
import io.stella.image.view.FileView;
import io.stella.image.view.FileViewBuilder;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.LayeredImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile layers are contained: warnings that name the layer and entry, never a crash or a write outside. */
class HostileLayerTest {
    @TempDir
    Path dir;

    private RecordingVisitor walk(LayeredImage image, LayerLimits limits) throws IOException {
        Path layout = image.writeLayout(dir.resolve("l" + System.nanoTime()), "t");
        RecordingVisitor visitor = new RecordingVisitor();
        OciLayoutSource source = new OciLayoutSource(layout, "t", Optional.empty(), limits);
        source.walk(visitor);
        return visitor;
    }

    @Test
    void traversalAndAbsolutePathsAreSkippedWithAWarningNamingTheEntry() throws Exception {
        RecordingVisitor v = walk(new LayeredImage().add(LayeredImage.layer()
                .file("../../etc/evil", "x").file("/etc/absolute", "x").file("a/../../escape", "x")
                .file("ok/../fine", "x").hardlink("link", "../../../etc/shadow")), LayerLimits.DEFAULT);
        assertThat(v.warnings).extracting(LayerWarning::kind)
                .containsExactly("path-traversal", "absolute-path", "path-traversal", "link-outside-root");
        assertThat(v.warnings).extracting(LayerWarning::entry)
                .containsExactly("../../etc/evil", "/etc/absolute", "a/../../escape", "link");
        assertThat(v.warnings).allSatisfy(w -> assertThat(w.layer()).startsWith("sha256:"));
        List<String> paths = v.entries.values().iterator().next().stream().map(LayerEntry::path).toList();
        assertThat(paths).containsExactly("fine");
    }

    @Test
    void symlinksCannotLeaveTheRootAndLoopsEnd() throws Exception {
        RecordingVisitor v = walk(new LayeredImage().add(LayeredImage.layer()
                .directory("etc").file("etc/passwd", "image passwd")
                .symlink("up", "../../../../../etc/passwd")
                .symlink("abs", "/etc/passwd")
                .symlink("loop1", "loop2").symlink("loop2", "loop1")
                .symlink("self", "self/x")), LayerLimits.DEFAULT);
        FileView view = new FileViewBuilder().apply("l", v.entries.values().iterator().next()).build();
        List<String> problems = new ArrayList<>();
        assertThat(view.resolve("up", problems::add)).map(n -> n.path()).contains("etc/passwd");
        assertThat(view.resolve("abs", problems::add)).map(n -> n.path()).contains("etc/passwd");
        assertThat(problems).isEmpty();
        assertThat(view.resolve("loop1", problems::add)).isEmpty();
        assertThat(view.resolve("self", problems::add)).isEmpty();
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("symlink-loop"));
    }

    @Test
    void aDecompressionBombStopsAtTheRatioCapWithAWarning() throws Exception {
        LayerLimits limits = new LayerLimits(1L << 40, 100, 1 << 20, 1000);
        RecordingVisitor v = walk(new LayeredImage().add(LayeredImage.layer()
                .file("small", "x").file("zeros", new byte[64 << 20], 0644).file("after", "y")), limits);
        assertThat(v.warnings).hasSize(1);
        assertThat(v.warnings.get(0).kind()).isEqualTo("decompression-bomb");
        assertThat(v.warnings.get(0).entry()).isEqualTo("zeros");
        assertThat(v.warnings.get(0).leavesImageIncomplete()).isTrue();
    }

    @Test
    void theAbsoluteCapAndTheEntryCapHoldForUncompressedLayers() throws Exception {
        RecordingVisitor big = walk(new LayeredImage().add(LayeredImage.layer()
                .compression(LayeredImage.Compression.NONE).file("big", new byte[4 << 20], 0644)),
                new LayerLimits(1 << 20, 100, 1 << 30, 1000));
        assertThat(big.warnings).extracting(LayerWarning::kind).containsExactly("layer-too-large");

        LayeredImage.Layer many = LayeredImage.layer();
        for (int i = 0; i < 50; i++) {
            many.file("f" + i, "x");
        }
        RecordingVisitor manyEntries = walk(new LayeredImage().add(many), new LayerLimits(1L << 40, 100, 1 << 20, 20));
        assertThat(manyEntries.warnings).extracting(LayerWarning::kind).containsExactly("layer-too-large");
        assertThat(manyEntries.entries.values().iterator().next()).hasSize(20);
    }

    @Test
    void aTruncatedLayerIsLayerCorruptNamingItsDigest() throws Exception {
        Path layout = new LayeredImage().add(LayeredImage.layer().file("a", new byte[200_000], 0644)
                .file("b", "x")).writeLayout(dir.resolve("trunc"), "t");
        OciLayoutSource source = new OciLayoutSource(layout, "t", Optional.empty(), LayerLimits.DEFAULT);
        String digest = source.metadata().layers().get(0).digest();
        Path blob = layout.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
        byte[] bytes = Files.readAllBytes(blob);
        // keep the name so the layout still points at it; the digest check must not hide the corruption
        Files.write(blob, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> source.walk(new RecordingVisitor()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isIn(FailureCode.LAYER_CORRUPT, FailureCode.DIGEST_MISMATCH);
                    assertThat(e.getMessage()).contains(digest);
                });
    }

    @Test
    void garbageAfterAGzipHeaderIsLayerCorrupt() throws Exception {
        Path file = dir.resolve("garbage.tar.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3});
            out.write("this is not deflate data at all, just text pretending".getBytes());
        }
        var source = new io.stella.image.source.RootfsTarSource(file, LayerLimits.DEFAULT);
        assertThatThrownBy(() -> source.walk(new RecordingVisitor()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.LAYER_CORRUPT);
                    assertThat(e.evidence()).containsEntry("layer", "rootfs");
                });
    }

    @Test
    void aTarTruncatedInsideAnEntryIsLayerCorruptNamingTheEntry() throws Exception {
        Path file = dir.resolve("cut.tar.gz");
        byte[] tar;
        try (var bytes = new java.io.ByteArrayOutputStream(); var t = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry e = new TarArchiveEntry("data.bin");
            e.setSize(100_000);
            t.putArchiveEntry(e);
            t.write(new byte[100_000]);
            t.closeArchiveEntry();
            t.finish();
            tar = bytes.toByteArray();
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(tar, 0, 50_000);
        }
        var source = new io.stella.image.source.RootfsTarSource(file, LayerLimits.DEFAULT);
        assertThatThrownBy(() -> source.walk(new RecordingVisitor() {
            @Override
            public void entry(LayerRef layer, LayerEntry entry, java.io.InputStream content) throws IOException {
                content.readAllBytes();
            }
        })).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.LAYER_CORRUPT);
            assertThat(e.evidence()).containsEntry("last_entry", "data.bin");
        });
    }
}
