package io.stella.inventory.spi;

import java.io.IOException;
import java.io.InputStream;

/** A file handed to an analyzer: its metadata and its content, readable once. */
public interface AnalyzableFile {
    FileInfo info();

    /** The content; call at most once. Reading beyond {@link #maxReadBytes()} fails with an IOException. */
    InputStream open() throws IOException;

    /** The whole content, for formats that need random access (ELF, SQLite). Same limit as {@link #open()}. */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /** The most an analyzer may read from one file (the configurable per-file cap). */
    long maxReadBytes();
}
