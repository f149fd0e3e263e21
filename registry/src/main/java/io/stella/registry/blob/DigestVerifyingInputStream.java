package io.stella.registry.blob;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a blob while it is read and, at its end, checks digest and size: a mismatch fails the read
 * with {@code DIGEST_MISMATCH}, so corrupt content is never taken as complete. Reading more than the
 * expected size fails at once, so a hostile registry cannot stream without end.
 */
public final class DigestVerifyingInputStream extends FilterInputStream {
    private final String expectedDigest;
    private final long expectedSize;
    private final MessageDigest md;
    private final String where;
    private long count;
    private boolean verified;

    /** @param expectedSize the size from the descriptor, or -1 when unknown */
    public DigestVerifyingInputStream(InputStream in, String expectedDigest, long expectedSize, String where) {
        super(in);
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.md = Digests.newDigest(expectedDigest);
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            verify();
            return n;
        }
        md.update(b, off, n);
        count += n;
        if (expectedSize >= 0 && count > expectedSize) {
            throw mismatch("the registry sent more than the " + expectedSize + " bytes the descriptor gives", null);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long skipped = 0;
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

    private void verify() {
        if (verified) {
            return;
        }
        verified = true;
        String actual = Digests.algorithm(expectedDigest) + ":" + HexFormat.of().formatHex(md.digest());
        if (expectedSize >= 0 && count != expectedSize) {
            throw mismatch("got " + count + " bytes, the descriptor gives " + expectedSize, actual);
        }
        if (!actual.equals(expectedDigest)) {
            throw mismatch("content hashes to " + actual, actual);
        }
    }

    private RegistryException mismatch(String why, String actual) {
        return RegistryException.builder(FailureCode.DIGEST_MISMATCH, where + " does not match its digest: " + why)
                .evidence("expected_digest", expectedDigest)
                .evidence("actual_digest", actual)
                .evidence("expected_size", expectedSize >= 0 ? expectedSize : null)
                .evidence("bytes_read", count)
                .build();
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }
}
