package io.stella.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.image.source.OciLayoutSource;
import io.stella.image.view.FileNode;
import io.stella.image.view.FileView;
import io.stella.image.view.FileViewBuilder;
import io.stella.testing.LayeredImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-layer OCI layouts: gzip, zstd and plain layers, whiteouts and opaque directories merged in order. */
class LayeredLayoutTest {
    @TempDir
    Path dir;

    @Test
    void whiteoutsAndOpaqueDirectoriesGiveTheFinalFileSystem() throws Exception {
        Path layout = new LayeredImage()
                .add(LayeredImage.layer().compression(LayeredImage.Compression.GZIP)
                        .directory("etc").file("etc/keep", "1").file("etc/gone", "1")
                        .directory("opt/app").file("opt/app/a", "1").file("opt/app/b", "1")
                        .directory("var/cache").file("var/cache/x", "1"))
                .add(LayeredImage.layer().compression(LayeredImage.Compression.ZSTD)
                        .whiteout("etc/gone").opaque("opt/app").file("opt/app/c", "2")
                        .file("etc/keep", "2"))
                .add(LayeredImage.layer().compression(LayeredImage.Compression.NONE)
                        .whiteout("var/cache").file("etc/gone", "3"))
                .writeLayout(dir.resolve("layout"), "test");

        OciLayoutSource source = new OciLayoutSource(layout, "test", Optional.empty(), LayerLimits.DEFAULT);
        RecordingVisitor visitor = new RecordingVisitor();
        source.walk(visitor);
        assertThat(visitor.warnings).isEmpty();
        List<LayerRef> layers = source.metadata().layers();
        assertThat(layers).hasSize(3);
        assertThat(layers).extracting(LayerRef::mediaType).containsExactly(
                "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.layer.v1.tar+zstd",
                "application/vnd.oci.image.layer.v1.tar");

        FileViewBuilder builder = new FileViewBuilder();
        for (LayerRef layer : layers) {
            builder.apply(layer.key(), visitor.entries.get(layer.key()));
        }
        FileView view = builder.build();
        List<String> files = new ArrayList<>();
        for (FileNode node : view.nodes()) {
            if (node.type() == EntryType.FILE) {
                files.add(node.path() + "@" + layers.stream().map(LayerRef::key).toList().indexOf(node.layerKey()));
            }
        }
        assertThat(files).containsExactlyInAnyOrder("etc/keep@1", "etc/gone@2", "opt/app/c@1");
        assertThat(view.get("var/cache")).isEmpty();
        assertThat(view.get("opt/app")).map(FileNode::type).contains(EntryType.DIRECTORY);
        assertThat(visitor.contents.get(layers.get(1).key() + ":etc/keep")).isEqualTo("2");
    }

    @Test
    void theSameBlobTwiceIsReadOnce() throws Exception {
        LayeredImage.Layer same = LayeredImage.layer().file("a", "x");
        Path layout = new LayeredImage().add(same).add(LayeredImage.layer().file("b", "y")).add(same)
                .writeLayout(dir.resolve("dup"), "dup");
        OciLayoutSource source = new OciLayoutSource(layout, "dup", Optional.empty(), LayerLimits.DEFAULT);
        List<String> started = new ArrayList<>();
        RecordingVisitor visitor = new RecordingVisitor() {
            @Override
            public void startLayer(LayerRef layer) {
                started.add(layer.key());
                super.startLayer(layer);
            }
        };
        source.walk(visitor);
        assertThat(source.metadata().layers()).hasSize(3);
        assertThat(started).hasSize(2).doesNotHaveDuplicates();
    }
}
