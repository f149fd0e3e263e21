package io.stella.inventory.analyzers.rpm;

/** Bounds-checked reads of unsigned integers from a byte array, in either byte order. */
final class ByteFields {
    private ByteFields() {}

    static boolean fits(byte[] bytes, long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= bytes.length && length <= bytes.length - offset;
    }

    static int u8(byte[] bytes, long offset) throws MalformedRpmDataException {
        require(bytes, offset, 1);
        return bytes[(int) offset] & 0xff;
    }

    static int u16(byte[] bytes, long offset, boolean bigEndian) throws MalformedRpmDataException {
        require(bytes, offset, 2);
        int i = (int) offset;
        int a = bytes[i] & 0xff;
        int b = bytes[i + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    static long u32(byte[] bytes, long offset, boolean bigEndian) throws MalformedRpmDataException {
        require(bytes, offset, 4);
        int i = (int) offset;
        long a = bytes[i] & 0xff;
        long b = bytes[i + 1] & 0xff;
        long c = bytes[i + 2] & 0xff;
        long d = bytes[i + 3] & 0xff;
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a;
    }

    private static void require(byte[] bytes, long offset, int length) throws MalformedRpmDataException {
        if (!fits(bytes, offset, length)) {
            throw new MalformedRpmDataException("read of " + length + " bytes at offset " + offset
                    + " is beyond the end (" + bytes.length + " bytes)");
        }
    }
}
