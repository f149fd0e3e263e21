package io.stella.registry.manifest;

/** A manifest as fetched: an image manifest or an index of them. */
public sealed interface Manifest permits ImageManifest, ImageIndex {
    String mediaType();

    /** The digest of the exact bytes the registry served. */
    String digest();

    long size();
}
