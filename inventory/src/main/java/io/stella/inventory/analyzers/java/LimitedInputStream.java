package io.stella.inventory.analyzers.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Gives at most {@code limit} bytes of the wrapped stream and fails with {@link LimitExceededException} on the
 * first byte beyond; closing it leaves the wrapped stream open (it is an archive entry the caller still reads).
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (count >= limit) {
            return failIfMore();
        }
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (count >= limit) {
            return failIfMore();
        }
        int n = super.read(buf, off, (int) Math.min(len, limit - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        byte[] buf = new byte[8192];
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the wrapped stream belongs to the caller
    }

    /** At the limit: end of stream if the wrapped stream ends too, else the limit is exceeded. */
    private int failIfMore() throws IOException {
        if (super.read() < 0) {
            return -1;
        }
        throw new LimitExceededException(what + " is larger than " + limit + " bytes");
    }
}
