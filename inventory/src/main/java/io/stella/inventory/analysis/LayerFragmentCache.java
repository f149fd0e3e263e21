package io.stella.inventory.analysis;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Layer fragments by blob digest, shared by the images of a registry scan, so that a base layer used by
 * a hundred images is downloaded and analysed once. Claims make it single-flight: the first image to
 * need a layer reads it; the others wait for its result instead of downloading it again.
 */
public interface LayerFragmentCache {

    /** What a claim on a digest gives. */
    sealed interface Claim {
        /** Known already. */
        record Cached(LayerFragment fragment) implements Claim {}

        /** Nobody has it: the caller reads the layer, then {@link #complete}s or {@link #abandon}s. */
        record Owned() implements Claim {}

        /**
         * Another caller is reading it. The future ends with its fragment, or empty when that reader
         * failed (then read it yourself).
         */
        record Pending(CompletableFuture<Optional<LayerFragment>> result) implements Claim {}
    }

    Claim claim(String layerDigest);

    void complete(String layerDigest, LayerFragment fragment);

    void abandon(String layerDigest);

    /** Caches nothing: every claim is owned. */
    LayerFragmentCache NONE = new LayerFragmentCache() {
        @Override
        public Claim claim(String layerDigest) {
            return new Claim.Owned();
        }

        @Override
        public void complete(String layerDigest, LayerFragment fragment) {
        }

        @Override
        public void abandon(String layerDigest) {
        }
    };
}
