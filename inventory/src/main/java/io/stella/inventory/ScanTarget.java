package io.stella.inventory;

import java.util.List;

/**
 * What was analysed, as the SBOM and report writers name it.
 *
 * @param name     image reference, archive path or directory as the user gave it
 * @param kind     what the name designates
 * @param digest   manifest digest when known (sha256:...), else null
 * @param platform os/arch[/variant] when known, else null
 * @param layers   the image's layers in order (blob digest, or diff id where the blob digest is unknown)
 */
public record ScanTarget(String name, Kind kind, String digest, String platform, List<String> layers) {
    public enum Kind { CONTAINER_IMAGE, FILESYSTEM }

    public ScanTarget {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }
}
