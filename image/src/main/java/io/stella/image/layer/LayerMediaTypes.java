package io.stella.image.layer;

import java.util.Set;

/** Layer media types: which are layers, and which must not be fetched (foreign / non-distributable). */
public final class LayerMediaTypes {
    private static final Set<String> FOREIGN = Set.of(
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");
    private static final Set<String> KNOWN = Set.of(
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.diff.tar.zstd",
            "application/vnd.oci.image.layer.v1.tar",
            "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.v1.tar+zstd");

    private LayerMediaTypes() {}

    public static boolean isForeign(String mediaType) {
        return mediaType != null && FOREIGN.contains(mediaType);
    }

    /** Known layer types; unknown ones are still read (compression is sniffed) but warned about. */
    public static boolean isKnown(String mediaType) {
        return mediaType == null || KNOWN.contains(mediaType) || FOREIGN.contains(mediaType);
    }
}
