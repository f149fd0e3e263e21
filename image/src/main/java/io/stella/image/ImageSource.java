package io.stella.image;

import java.io.IOException;

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

    /** The image's identity and layer order; complete after {@link #walk}, possibly before. */
    ImageMetadata metadata();

    @Override
    default void close() throws IOException {
    }
}
