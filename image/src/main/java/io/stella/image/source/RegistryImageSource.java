package io.stella.image.source;

import io.stella.image.ImageMetadata;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.manifest.Descriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** An image in a registry, pulled layer by layer through the registry client (digests verified while streaming). */
public final class RegistryImageSource implements ImageSource {
    private final RegistryClient client;
    private final ImageReference reference;
    private final ResolvedImage image;
    private final LayerLimits limits;
    /** Layers read at once: decompression is CPU work, so about one per core. */
    private static final int PARALLEL_LAYERS = Runtime.getRuntime().availableProcessors();

    public RegistryImageSource(RegistryClient client, ImageReference reference, Optional<Platform> platform,
                               LayerLimits limits) {
        this(client, client.resolve(reference, platform), limits);
    }

    /** An image resolved before (a registry scan's metadata phase): no second manifest and config request. */
    public RegistryImageSource(RegistryClient client, ResolvedImage image, LayerLimits limits) {
        this.client = client;
        this.reference = image.reference();
        this.image = image;
        this.limits = limits;
    }

    @Override
    public ImageMetadata metadata() {
        List<LayerRef> layers = new ArrayList<>();
        for (Descriptor layer : image.manifest().layers()) {
            layers.add(toRef(layer));
        }
        return new ImageMetadata(reference.toString(), image.manifest().digest(),
                image.platform() == null ? null : image.platform().toString(), layers, false);
    }

    @Override
    public void walk(LayerVisitor visitor) throws IOException {
        walk(visitor, layer -> true);
    }

    @Override
    public void walk(LayerVisitor visitor, Predicate<LayerRef> wanted) throws IOException {
        Map<String, Descriptor> byDigest = new HashMap<>();
        for (Descriptor layer : image.manifest().layers()) {
            byDigest.put(layer.digest(), layer);
        }
        new LayerWalk(limits).walkAll(metadata().layers().stream().filter(wanted).toList(),
                ref -> client.openBlob(reference.repository(), byDigest.get(ref.key())), visitor, PARALLEL_LAYERS);
    }

    public ResolvedImage resolved() {
        return image;
    }

    private static LayerRef toRef(Descriptor layer) {
        return new LayerRef(layer.digest(), layer.digest(), null, layer.mediaType(), layer.size());
    }
}
