package io.stella.image.source;

import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.LayerWarning;
import io.stella.image.layer.LayerMediaTypes;
import io.stella.image.layer.TarLayerReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;

/** The part of a walk every manifest-based source shares: skip foreign layers, read each blob once. */
final class LayerWalk {
    /** Opens a layer blob as a stream; the blob may be compressed. */
    interface BlobOpener {
        InputStream open(LayerRef layer) throws IOException;
    }

    private final TarLayerReader reader;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    LayerWalk(LayerLimits limits) {
        this.reader = new TarLayerReader(limits);
    }

    /**
     * Reads all layers, up to {@code parallelism} at once (layers are independent until they are merged),
     * and rethrows the first failure. Returns the diff ids read, by layer key.
     */
    Map<String, String> walkAll(List<LayerRef> layers, BlobOpener opener, LayerVisitor visitor, int parallelism)
            throws IOException {
        Map<String, String> diffIds = new ConcurrentHashMap<>();
        int threads = Math.max(1, Math.min(parallelism, layers.size()));
        if (threads == 1) {
            for (LayerRef layer : layers) {
                record(diffIds, layer, walk(layer, opener, visitor));
            }
            return diffIds;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("layer-", 0).factory());
        try {
            List<Future<String>> running = new ArrayList<>();
            for (LayerRef layer : layers) {
                running.add(pool.submit(() -> {
                    String diffId = walk(layer, opener, visitor);
                    record(diffIds, layer, diffId);
                    return diffId;
                }));
            }
            for (Future<String> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    running.forEach(r -> r.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading layers");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return diffIds;
    }

    private static void record(Map<String, String> diffIds, LayerRef layer, String diffId) {
        if (diffId != null) {
            diffIds.put(layer.key(), diffId);
        }
    }

    /** Reads the layer unless it is foreign or was already read; returns the diff id read, or null. */
    String walk(LayerRef layer, BlobOpener opener, LayerVisitor visitor) throws IOException {
        if (LayerMediaTypes.isForeign(layer.mediaType())) {
            visitor.warning(new LayerWarning("foreign-layer", layer.displayDigest(), null,
                    "non-distributable layer (" + layer.mediaType() + ") skipped: its content is not in the "
                            + "registry, so packages it installs are not in this inventory"));
            return null;
        }
        if (!LayerMediaTypes.isKnown(layer.mediaType())) {
            visitor.warning(new LayerWarning("unknown-media-type", layer.displayDigest(), null,
                    "layer media type " + layer.mediaType() + " is not a known layer type; read as a tar "
                            + "with its compression told by its first bytes"));
        }
        if (!seen.add(layer.key())) {
            return null; // the same blob twice in one image: its entries are already known
        }
        visitor.startLayer(layer);
        try (InputStream blob = opener.open(layer)) {
            TarLayerReader.Result result = reader.read(layer, blob, visitor);
            return result.diffId();
        } finally {
            visitor.endLayer(layer);
        }
    }
}
