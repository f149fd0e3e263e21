package io.stella.inventory.analyzers.java;

/**
 * Bounds on the work spent on one Java archive (including everything nested in it).
 *
 * @param inMemoryMaxBytes  an archive (outer or nested) up to this size is read into memory and opened by its
 *                          central directory; larger ones are read as a stream of local headers
 * @param nestedMaxBytes    the most bytes read from one nested archive entry (decompressed); beyond it the
 *                          nested archive is abandoned with a warning (zip bombs)
 * @param nestedBudgetBytes the most bytes read from all nested archives of one analysed file together
 * @param maxDepth          how deep archives nest before they are no longer opened (the analysed file is depth 0)
 * @param metadataMaxBytes  the most bytes read from one pom.properties or MANIFEST.MF main section
 */
public record ArchiveLimits(
        long inMemoryMaxBytes, long nestedMaxBytes, long nestedBudgetBytes, int maxDepth, long metadataMaxBytes) {

    public static ArchiveLimits defaults() {
        return new ArchiveLimits(64L << 20, 256L << 20, 1L << 30, 4, 1L << 20);
    }
}
