package io.stella.image.view;

import io.stella.image.EntryType;

/**
 * A path of the merged file system and the layer that last wrote it.
 *
 * @param layerKey the {@link io.stella.image.LayerRef#key()} of that layer
 */
public record FileNode(String path, EntryType type, long size, int mode, String linkTarget, String layerKey) {
}
