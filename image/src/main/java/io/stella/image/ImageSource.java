package io.stella.image;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * Where an image comes from: a registry, an OCI layout, a docker archive or a root file system. All
 * sources look the same downstream: layers walked once as streams, then their order.
 */
public interface ImageSource extends AutoCloseable {
    /**
     * Streams every distributable layer exactly once to the visitor. Failures are
     * {@link io.stella.registry.failure.RegistryException}s with a named code (LAYER_CORRUPT,
     * DIGEST_MISMATCH, IMAGE_SOURCE_INVALID, registry failures).
     */
    void walk(LayerVisitor visitor) throws IOException;

    /**
     * Streams only the layers {@code wanted} accepts (the rest are known already, e.g. from a layer
     * cache). Sources whose layer order is known before the walk skip the unwanted blobs without
     * reading them; the others read everything.
     */
    default void walk(LayerVisitor visitor, Predicate<LayerRef> wanted) throws IOException {
        walk(visitor);
    }

    /** The image's identity and layer order; complete after {@link #walk}, possibly before. */
    ImageMetadata metadata();

    @Override
    default void close() throws IOException {
    }
}
