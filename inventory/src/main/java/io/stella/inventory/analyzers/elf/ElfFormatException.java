package io.stella.inventory.analyzers.elf;

/** The bytes claim to be ELF but a header, table or range in them is inconsistent with the file. */
public final class ElfFormatException extends Exception {
    public ElfFormatException(String message) {
        super(message);
    }
}
