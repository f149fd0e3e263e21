package io.stella.inventory.analyzers.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bounds-checked fixed-width reads from a byte array, in one byte order; failures are ElfFormatExceptions. */
public final class ByteReader {
    private final ByteBuffer buffer;

    public ByteReader(byte[] data, ByteOrder order) {
        this.buffer = ByteBuffer.wrap(data).order(order);
    }

    public ByteOrder order() {
        return buffer.order();
    }

    public int length() {
        return buffer.capacity();
    }

    public int u8(long offset) throws ElfFormatException {
        return buffer.get(index(offset, 1)) & 0xff;
    }

    public int u16(long offset) throws ElfFormatException {
        return buffer.getShort(index(offset, 2)) & 0xffff;
    }

    public long u32(long offset) throws ElfFormatException {
        return buffer.getInt(index(offset, 4)) & 0xffff_ffffL;
    }

    /** An unsigned 64-bit value; values above {@link Long#MAX_VALUE} cannot address anything and are refused. */
    public long u64(long offset) throws ElfFormatException {
        long value = buffer.getLong(index(offset, 8));
        if (value < 0) {
            throw new ElfFormatException("64-bit value at offset " + offset + " is beyond any file size");
        }
        return value;
    }

    /** A pointer-sized (4 or 8 bytes) unsigned value. */
    public long word(long offset, int size) throws ElfFormatException {
        return size == 8 ? u64(offset) : u32(offset);
    }

    /** Whether [offset, offset+length) lies inside the data; safe against overflow and negative values. */
    public boolean inRange(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= buffer.capacity() && length <= buffer.capacity() - offset;
    }

    private int index(long offset, int width) throws ElfFormatException {
        if (!inRange(offset, width)) {
            throw new ElfFormatException("read of " + width + " bytes at offset " + offset
                    + " is outside the file (" + buffer.capacity() + " bytes)");
        }
        return (int) offset;
    }
}
