package io.stella.image;

/**
 * One layer of an image as its source knows it.
 *
 * @param key       unique within the image: the blob digest, the archive entry name, or {@code rootfs}
 * @param digest    the blob digest (compressed, as in the manifest), null when the source has none
 * @param diffId    the digest of the uncompressed tar, null when unknown
 * @param mediaType the layer media type, null when the source has none (docker archives, root file systems)
 * @param size      the blob size in bytes, -1 when unknown
 */
public record LayerRef(String key, String digest, String diffId, String mediaType, long size) {

    /** The best name to show and record for this layer: blob digest, else diff id, else key. */
    public String displayDigest() {
        if (digest != null) {
            return digest;
        }
        return diffId != null ? diffId : key;
    }

    public LayerRef withDiffId(String diffId) {
        return new LayerRef(key, digest, diffId, mediaType, size);
    }
}
