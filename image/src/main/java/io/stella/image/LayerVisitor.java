package io.stella.image;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives an image's layers as their streams pass. Layers may arrive in any order (a docker archive
 * stores them as it likes); {@link ImageSource#metadata()} gives the real order once the walk ended.
 */
public interface LayerVisitor {
    void startLayer(LayerRef layer);

    /**
     * One entry. {@code content} is the entry's bytes for FILE entries (empty for others); it is valid
     * only during this call and need not be read to its end.
     */
    void entry(LayerRef layer, LayerEntry entry, InputStream content) throws IOException;

    void endLayer(LayerRef layer);

    void warning(LayerWarning warning);
}
