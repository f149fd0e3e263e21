package io.stella.registry.manifest;

import java.util.List;

/** An OCI image index or Docker manifest list. */
public record ImageIndex(String mediaType, String digest, long size, List<Descriptor> manifests) implements Manifest {

    public ImageIndex {
        manifests = List.copyOf(manifests);
    }
}
