package io.stella.inventory.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One file's content for several analyzers in turn: each reader sees the whole content, but only what
 * some reader actually asked for is pulled from the layer and kept. When the first analyzer stops after
 * four bytes (not an ELF file), the next one costs four bytes too; when it reads everything, the buffer
 * jumps straight to the file's size instead of doubling its way there (one copy of a large binary, not
 * two while growing).
 */
final class ReplayableContent {
    private static final int FIRST_CAPACITY = 8192;

    private final InputStream source;
    private final long expectedSize;
    private byte[] buffer = new byte[FIRST_CAPACITY];
    private int length;
    private boolean exhausted;

    /** @param expectedSize the size the entry header gives, used to size the buffer once it must grow */
    ReplayableContent(InputStream source, long expectedSize) {
        this.source = source;
        this.expectedSize = expectedSize;
    }

    /** A fresh reader from the first byte; readers are used one after the other, never at once. */
    InputStream reader() {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == length && !pull(1)) {
                    return -1;
                }
                return buffer[position++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (position == length && !pull(len)) {
                    return -1;
                }
                int n = Math.min(len, length - position);
                System.arraycopy(buffer, position, b, off, n);
                position += n;
                return n;
            }
        };
    }

    /** Reads up to {@code wanted} more bytes from the layer straight into the buffer. */
    private boolean pull(int wanted) throws IOException {
        if (exhausted) {
            return false;
        }
        if (length == buffer.length) {
            // +1: room to see the end of the stream without growing once more
            long target = Math.max((long) buffer.length * 2, expectedSize + 1);
            buffer = Arrays.copyOf(buffer, (int) Math.min(target, Integer.MAX_VALUE - 16L));
        }
        int n = source.read(buffer, length, Math.min(buffer.length - length, Math.max(wanted, 8192)));
        if (n < 0) {
            exhausted = true;
            return false;
        }
        length += n;
        return true;
    }
}
