package io.stella.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Streams an HTTP/1.1 body from one socket to another by its framing (Content-Length, chunked or until end of
 * stream), optionally paced to a byte rate and optionally cut off after a number of bytes.
 */
final class BodyCopier {

    private static final int BUFFER = 64 * 1024;

    private final LongSupplier bytesPerSecond;
    private final long cutAfter;
    private long copied;
    private long paceRate;
    private long paceStartNanos;
    private long pacedBytes;

    /**
     * @param bytesPerSecond read before every chunk, so a rate changed mid-stream applies at once; 0 = unlimited
     * @param cutAfter       throw {@link CutOff} once this many bytes went through; -1 = never
     */
    BodyCopier(LongSupplier bytesPerSecond, long cutAfter) {
        this.bytesPerSecond = bytesPerSecond;
        this.cutAfter = cutAfter;
    }

    static BodyCopier unlimited() {
        return new BodyCopier(() -> 0, -1);
    }

    /** Thrown when the configured cut-off point is reached; the caller drops the connection. */
    static final class CutOff extends IOException {
        CutOff() {
            super("body cut off on purpose");
        }
    }

    void copy(HttpHead head, InputStream in, OutputStream out) throws IOException {
        if (head.chunked()) {
            copyChunked(in, out);
        } else if (head.contentLength() >= 0) {
            copyFixed(in, out, head.contentLength());
        } else {
            copyFixed(in, out, Long.MAX_VALUE);
        }
        out.flush();
    }

    /** Copies exactly {@code length} bytes (or until end of stream when length is Long.MAX_VALUE). */
    void copyFixed(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(chunkSize(), left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("body ended after " + (length - left) + " of " + length + " bytes");
            }
            write(out, buffer, n);
            left -= n;
        }
    }

    /** Passes chunked framing through unchanged: chunk-size lines, data, and the trailer section. */
    private void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = HttpHead.readLine(in);
            if (sizeLine == null) {
                throw new IOException("chunked body ended without its last chunk");
            }
            writeLine(out, sizeLine);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                for (String trailer = HttpHead.readLine(in); ; trailer = HttpHead.readLine(in)) {
                    writeLine(out, trailer == null ? "" : trailer);
                    if (trailer == null || trailer.isEmpty()) {
                        return;
                    }
                }
            }
            copyFixed(in, out, size);
            HttpHead.readLine(in);
            writeLine(out, "");
        }
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private int chunkSize() {
        long rate = bytesPerSecond.getAsLong();
        return rate <= 0 ? BUFFER : (int) Math.max(1, Math.min(BUFFER, rate / 20));
    }

    private void write(OutputStream out, byte[] buffer, int n) throws IOException {
        if (cutAfter >= 0 && copied + n >= cutAfter) {
            int allowed = (int) (cutAfter - copied);
            out.write(buffer, 0, allowed);
            out.flush();
            throw new CutOff();
        }
        out.write(buffer, 0, n);
        copied += n;
        long rate = bytesPerSecond.getAsLong();
        if (rate > 0) {
            out.flush();
            pace(rate, n);
        }
    }

    private void pace(long rate, int n) throws IOException {
        if (rate != paceRate) {
            paceRate = rate;
            paceStartNanos = System.nanoTime();
            pacedBytes = 0;
        }
        pacedBytes += n;
        long dueNanos = (long) (pacedBytes * 1e9 / rate);
        long sleepNanos = dueNanos - (System.nanoTime() - paceStartNanos);
        if (sleepNanos > 0) {
            try {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while throttling", e);
            }
        }
    }
}
