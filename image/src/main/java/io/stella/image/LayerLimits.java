package io.stella.image;

/**
 * Caps that keep a hostile layer from exhausting the machine.
 *
 * @param maxLayerBytes      most uncompressed bytes read from one layer
 * @param maxRatio           most uncompressed bytes per compressed byte ...
 * @param ratioFloorBytes    ... once this many uncompressed bytes have been read (small layers of zeros are fine)
 * @param maxEntries         most tar entries in one layer
 */
public record LayerLimits(long maxLayerBytes, double maxRatio, long ratioFloorBytes, long maxEntries) {
    public static final LayerLimits DEFAULT =
            new LayerLimits(32L << 30, 250, 64L << 20, 5_000_000);
}
