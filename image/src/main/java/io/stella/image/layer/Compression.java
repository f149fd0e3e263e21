package io.stella.image.layer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Layer compression, told from the media type and, where that says nothing or lies, from magic bytes. */
public enum Compression {
    NONE, GZIP, ZSTD;

    private static final int SNIFF_BYTES = 4;

    /** Sniffs the first bytes of a mark-supporting stream without consuming them. */
    public static Compression sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    public static InputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
    }
}
