package io.stella.image;

import java.util.List;

/**
 * What an image source is, once known.
 *
 * @param name     the reference, archive path or directory as given
 * @param digest   manifest digest (sha256:...) when the source has a manifest, else null
 * @param platform os/arch[/variant] from the image config, else null
 * @param layers   the layers bottom-up, in the order they apply
 * @param rootFilesystem true for a plain root file system (directory or tar) rather than an image
 */
public record ImageMetadata(String name, String digest, String platform, List<LayerRef> layers,
                            boolean rootFilesystem) {
    public ImageMetadata {
        layers = List.copyOf(layers);
    }
}
