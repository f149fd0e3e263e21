package io.stella.image.layer;

import io.stella.image.LayerLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops decompressed output that grows past the absolute cap or the ratio to its compressed input. */
final class BombGuardInputStream extends FilterInputStream {
    private final CountingInputStream compressed;
    private final LayerLimits limits;
    private long produced;

    BombGuardInputStream(InputStream decompressed, CountingInputStream compressed, LayerLimits limits) {
        super(decompressed);
        this.compressed = compressed;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            account(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // read instead of skip so that every produced byte is counted
        byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
        long done = 0;
        while (done < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    private void account(int n) throws LayerLimitExceededException {
        produced += n;
        if (produced > limits.maxLayerBytes()) {
            throw new LayerLimitExceededException("layer-too-large", "the layer unpacks to more than "
                    + limits.maxLayerBytes() + " bytes (the per-layer cap); reading stopped");
        }
        if (produced > limits.ratioFloorBytes() && compressed != null) {
            long in = Math.max(1, compressed.count());
            if ((double) produced / in > limits.maxRatio()) {
                throw new LayerLimitExceededException("decompression-bomb", "the layer unpacked " + produced
                        + " bytes from " + in + " compressed bytes, more than the allowed ratio of "
                        + (long) limits.maxRatio() + ":1; reading stopped");
            }
        }
    }

    long produced() {
        return produced;
    }
}
