package io.stella.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a POSIX ustar archive: regular files and directories with short names, which is all test layers need. */
final class TarWriter {

    private static final int BLOCK = 512;
    private static final long MTIME = 1_704_067_200L; // 2024-01-01T00:00:00Z, fixed so layers are reproducible

    private final OutputStream out;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String name) throws IOException {
        out.write(header(name.endsWith("/") ? name : name + "/", 0, '5', 0755));
    }

    /** Writes the header; the caller then writes exactly {@code size} bytes and calls {@link #endFile(long)}. */
    void beginFile(String name, long size) throws IOException {
        out.write(header(name, size, '0', 0644));
    }

    void endFile(long size) throws IOException {
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        out.write(new byte[padding]);
    }

    void file(String name, byte[] content) throws IOException {
        beginFile(name, content.length);
        out.write(content);
        endFile(content.length);
    }

    /** The two zero blocks that end an archive. */
    void finish() throws IOException {
        out.write(new byte[2 * BLOCK]);
    }

    private static byte[] header(String name, long size, char type, int mode) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("tar entry name longer than 100 bytes: " + name);
        }
        byte[] header = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, MTIME);
        header[156] = (byte) type;
        ascii(header, 257, "ustar\0");
        ascii(header, 263, "00");
        ascii(header, 265, "root");
        ascii(header, 297, "root");
        // The checksum is computed with its own field read as spaces.
        ascii(header, 148, "        ");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        ascii(header, 148, String.format("%06o\0 ", sum));
        return header;
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value too large for a ustar field: " + value);
        }
        ascii(header, offset, "0".repeat(length - 1 - digits.length()) + digits + "\0");
    }

    private static void ascii(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
