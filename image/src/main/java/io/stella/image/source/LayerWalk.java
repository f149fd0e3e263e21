package io.stella.image.source;

import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.LayerWarning;
import io.stella.image.layer.LayerMediaTypes;
import io.stella.image.layer.TarLayerReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/** The part of a walk every manifest-based source shares: skip foreign layers, read each blob once. */
final class LayerWalk {
    /** Opens a layer blob as a stream; the blob may be compressed. */
    interface BlobOpener {
        InputStream open(LayerRef layer) throws IOException;
    }

    private final TarLayerReader reader;
    private final Set<String> seen = new HashSet<>();

    LayerWalk(LayerLimits limits) {
        this.reader = new TarLayerReader(limits);
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
