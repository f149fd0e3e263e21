package io.stella.image.source;

import io.stella.image.ImageMetadata;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.layer.TarLayerReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A root file system packed as one tar (plain, gzip or zstd), e.g. an Alpine minirootfs: a one-layer image. */
public final class RootfsTarSource implements ImageSource {
    public static final String LAYER_KEY = "rootfs";

    private final Path tar;
    private final TarLayerReader reader;
    private String diffId;

    public RootfsTarSource(Path tar, LayerLimits limits) {
        if (!Files.isRegularFile(tar)) {
            throw SourceFailures.invalid(tar.toString(), "no such file");
        }
        this.tar = tar;
        this.reader = new TarLayerReader(limits);
    }

    @Override
    public void walk(LayerVisitor visitor) throws IOException {
        LayerRef layer = new LayerRef(LAYER_KEY, null, null, null, Files.size(tar));
        visitor.startLayer(layer);
        try (InputStream in = Files.newInputStream(tar)) {
            diffId = reader.read(layer, in, visitor).diffId();
        } finally {
            visitor.endLayer(layer);
        }
    }

    @Override
    public ImageMetadata metadata() {
        return new ImageMetadata(tar.toString(), null, null,
                List.of(new LayerRef(LAYER_KEY, null, diffId, null, -1)), true);
    }
}
