package io.stella.inventory.analyzers.elf;

/**
 * One section header.
 *
 * @param name   the section's name from the section-name string table ("" when unreadable)
 * @param type   sh_type ({@link #SHT_NOBITS} sections occupy no file bytes)
 * @param flags  sh_flags
 * @param addr   virtual address when loaded, 0 for non-allocated sections
 * @param offset file offset of the contents
 * @param size   size of the contents in bytes
 */
public record ElfSection(String name, int type, long flags, long addr, long offset, long size) {
    public static final int SHT_NOBITS = 8;
    public static final long SHF_ALLOC = 0x2;

    public boolean hasFileBytes() {
        return type != SHT_NOBITS;
    }
}
