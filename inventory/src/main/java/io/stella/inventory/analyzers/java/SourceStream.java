package io.stella.inventory.analyzers.java;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Marks every I/O failure of the analysed file's stream as a {@link SourceReadException}. */
final class SourceStream extends FilterInputStream {
    SourceStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            return super.read(buf, off, len);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }
}
