package io.stella.registry.manifest;

import java.util.List;

/** An image manifest (OCI or Docker schema 2): a config blob and layers. */
public record ImageManifest(String mediaType, String digest, long size, Descriptor config, List<Descriptor> layers)
        implements Manifest {

    public ImageManifest {
        layers = List.copyOf(layers);
    }

    public long totalLayerSize() {
        return layers.stream().mapToLong(Descriptor::size).sum();
    }
}
