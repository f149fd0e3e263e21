package io.stella.image;

/**
 * Something in a layer that was refused or could not be read, shown to the user.
 *
 * @param kind  stable short name: path-traversal, absolute-path, link-outside-root, symlink-loop,
 *              decompression-bomb, foreign-layer, duplicate-layer, ...
 * @param layer the layer's display digest
 * @param entry the tar entry as written in the layer, or null
 */
public record LayerWarning(String kind, String layer, String entry, String message) {

    /** Kinds after which the analysis did not see the whole image. */
    public boolean leavesImageIncomplete() {
        return kind.equals("decompression-bomb") || kind.equals("layer-too-large");
    }
}
