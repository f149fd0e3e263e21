package io.stella.inventory.analysis;

import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A file's content for one analyzer: opened once, never more than the per-file cap. */
final class CappedFile implements AnalyzableFile {
    static final class CapExceededException extends IOException {
        CapExceededException(String message) {
            super(message);
        }
    }

    private final FileInfo info;
    private final InputStream content;
    private final long cap;
    private boolean opened;

    CappedFile(FileInfo info, InputStream content, long cap) {
        this.info = info;
        this.content = content;
        this.cap = cap;
    }

    @Override
    public FileInfo info() {
        return info;
    }

    @Override
    public InputStream open() {
        if (opened) {
            throw new IllegalStateException(info.path() + " was opened twice by one analyzer");
        }
        opened = true;
        return new FilterInputStream(content) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws CapExceededException {
                read += n;
                if (read > cap) {
                    throw new CapExceededException("more than " + cap + " bytes read from " + info.path()
                            + " (the per-file analysis cap); analysis stopped");
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public long maxReadBytes() {
        return cap;
    }
}
