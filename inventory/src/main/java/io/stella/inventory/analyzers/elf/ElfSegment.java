package io.stella.inventory.analyzers.elf;

/**
 * One program header.
 *
 * @param type   p_type ({@link #PT_LOAD} segments are mapped into memory)
 * @param flags  p_flags ({@link #PF_X}, {@link #PF_W}, PF_R)
 * @param offset file offset of the segment's bytes
 * @param vaddr  virtual address of the first byte
 * @param fileSize bytes present in the file
 * @param memSize  bytes in memory (the excess over fileSize is zero-filled)
 */
public record ElfSegment(int type, int flags, long offset, long vaddr, long fileSize, long memSize) {
    public static final int PT_LOAD = 1;
    public static final int PF_X = 0x1;
    public static final int PF_W = 0x2;

    public boolean isLoad() {
        return type == PT_LOAD;
    }

    public boolean writable() {
        return (flags & PF_W) != 0;
    }

    public boolean executable() {
        return (flags & PF_X) != 0;
    }
}
