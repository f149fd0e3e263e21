package io.stella.inventory.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One file's content for several analyzers in turn: each reader sees the whole content, but only what
 * some reader actually asked for is pulled from the layer and kept. When the first analyzer stops after
 * four bytes (not an ELF file), the next one costs four bytes too.
 */
final class ReplayableContent {
    private final InputStream source;
    private final Buffer seen = new Buffer();
    private boolean exhausted;

    ReplayableContent(InputStream source) {
        this.source = source;
    }

    /** A fresh reader from the first byte; readers are used one after the other, never at once. */
    InputStream reader() {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (position == seen.size() && !pull(len)) {
                    return -1;
                }
                int n = Math.min(len, seen.size() - position);
                System.arraycopy(seen.array(), position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    private boolean pull(int wanted) throws IOException {
        if (exhausted) {
            return false;
        }
        byte[] chunk = new byte[Math.max(8192, Math.min(wanted, 1 << 20))];
        int n = source.read(chunk);
        if (n < 0) {
            exhausted = true;
            return false;
        }
        seen.write(chunk, 0, n);
        return true;
    }

    /** Exposes the internal array so readers can copy without another buffer. */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}
