package io.stella.image;

/**
 * One entry of a layer, after path normalisation and whiteout decoding.
 *
 * @param path       relative to the image root, '/'-separated, no leading slash, no {@code .} or {@code ..}
 *                   segments; for WHITEOUT the path removed, for OPAQUE the directory made opaque
 * @param size       bytes of content (FILE only)
 * @param mode       Unix permission bits
 * @param linkTarget symlink target as written (SYMLINK), or the normalised path of the hardlink target (HARDLINK)
 */
public record LayerEntry(String path, EntryType type, long size, int mode, String linkTarget) {
}
