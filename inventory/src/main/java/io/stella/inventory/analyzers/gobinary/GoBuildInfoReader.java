package io.stella.inventory.analyzers.gobinary;

import io.stella.inventory.analyzers.elf.ByteReader;
import io.stella.inventory.analyzers.elf.ElfFile;
import io.stella.inventory.analyzers.elf.ElfFormatException;
import io.stella.inventory.analyzers.elf.ElfSection;
import io.stella.inventory.analyzers.elf.ElfSegment;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds and decodes the build information block of a Go executable (Go 1.13 and later), the way
 * {@code debug/buildinfo} does.
 *
 * <p>The block starts with the 14-byte magic {@code "\xff Go buildinf:"} on a 16-byte boundary, then the
 * pointer size and a flags byte, in a 32-byte header. With flag bit 2 (Go 1.18+) the toolchain version and
 * the module information follow the header inline as varint-length-prefixed strings; otherwise the header
 * holds, at offset 16, two pointers (virtual addresses, size and byte order from the header) to Go string
 * headers {data pointer, length}.
 *
 * <p>The block is looked for in the {@code .go.buildinfo} section; without one, in the first 64 KiB of the
 * first writable, non-executable loadable segment, but only when the file shows Go markers or has no
 * section table at all, so that other executables cost nothing beyond their headers.
 */
public final class GoBuildInfoReader {
    private static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int HEADER_SIZE = 32;
    private static final int ALIGNMENT = 16;
    private static final int SEARCH_WINDOW = 64 * 1024;
    private static final int FLAG_BIG_ENDIAN = 0x1;
    private static final int FLAG_VERSION_INLINE = 0x2;
    private static final int MAX_VERSION_LENGTH = 1024;
    private static final int MAX_MODINFO_LENGTH = 16 * 1024 * 1024;
    /** Sentinel bytes around the module information (runtime/debug's infoStart and infoEnd), 16 each. */
    private static final int SENTINEL_LENGTH = 16;

    private GoBuildInfoReader() {}

    /** The build information, or empty when the file is not a Go executable. */
    public static Optional<GoBuildInfo> read(ElfFile elf) throws GoBuildInfoException {
        boolean goMarkers = hasGoMarkers(elf);
        Optional<Window> window = searchWindow(elf, goMarkers);
        if (window.isEmpty()) {
            if (goMarkers) {
                throw new GoBuildInfoException("Go executable without a data segment holding build information");
            }
            return Optional.empty();
        }
        Optional<Long> header = findHeader(elf.reader(), window.get());
        if (header.isEmpty()) {
            if (goMarkers) {
                throw new GoBuildInfoException("Go executable without build information (built before Go 1.13, "
                        + "or the block was removed)");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(decode(elf, header.get()));
        } catch (ElfFormatException e) {
            throw new GoBuildInfoException("build information at offset " + header.get() + " is unreadable: "
                    + e.getMessage());
        }
    }

    private record Window(long start, long end) {}

    /** Sections only the Go linker writes (the pclntab name gains a prefix in relro/PIE builds). */
    private static boolean hasGoMarkers(ElfFile elf) {
        return elf.sections().stream().anyMatch(s -> s.name().equals(".go.buildinfo")
                || s.name().equals(".note.go.buildid") || s.name().endsWith(".gopclntab"));
    }

    private static Optional<Window> searchWindow(ElfFile elf, boolean goMarkers) throws GoBuildInfoException {
        Optional<ElfSection> section = elf.section(".go.buildinfo");
        if (section.isPresent() && section.get().hasFileBytes()) {
            long start = section.get().offset();
            if (start < 0 || start >= elf.length()) {
                throw new GoBuildInfoException("section .go.buildinfo at offset " + start
                        + " lies outside the file (" + elf.length() + " bytes)");
            }
            return Optional.of(new Window(start, Math.min(elf.length(), start + SEARCH_WINDOW)));
        }
        if (!goMarkers && !elf.sections().isEmpty()) {
            return Optional.empty();
        }
        for (ElfSegment segment : elf.segments()) {
            if (segment.isLoad() && segment.writable() && !segment.executable()) {
                long start = segment.offset();
                if (start < 0 || start >= elf.length()) {
                    return Optional.empty();
                }
                long end = Math.min(elf.length(), start + Math.min(segment.fileSize(), SEARCH_WINDOW));
                return Optional.of(new Window(start, end));
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> findHeader(ByteReader file, Window window) {
        for (long at = window.start(); at + HEADER_SIZE <= window.end(); at += ALIGNMENT) {
            if (matchesMagic(file, at)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    private static boolean matchesMagic(ByteReader file, long at) {
        try {
            for (int i = 0; i < MAGIC.length; i++) {
                if (file.u8(at + i) != (MAGIC[i] & 0xff)) {
                    return false;
                }
            }
            return true;
        } catch (ElfFormatException e) {
            return false;
        }
    }

    private static GoBuildInfo decode(ElfFile elf, long header) throws ElfFormatException, GoBuildInfoException {
        int pointerSize = elf.reader().u8(header + 14);
        int flags = elf.reader().u8(header + 15);
        if ((flags & FLAG_VERSION_INLINE) != 0) {
            return decodeInline(elf.reader(), header + HEADER_SIZE);
        }
        if (pointerSize != 4 && pointerSize != 8) {
            throw new GoBuildInfoException("build information declares pointer size " + pointerSize
                    + " (expected 4 or 8)");
        }
        ByteOrder order = (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return decodePointers(elf, elf.reader(order), header, pointerSize);
    }

    private static GoBuildInfo decodeInline(ByteReader file, long position) throws GoBuildInfoException {
        InlineString version;
        try {
            version = inlineString(file, position, MAX_VERSION_LENGTH);
        } catch (ElfFormatException e) {
            throw new GoBuildInfoException("Go version string unreadable: " + e.getMessage());
        }
        String goVersion = utf8(version.bytes());
        if (goVersion.isEmpty()) {
            throw new GoBuildInfoException("build information holds an empty Go version");
        }
        try {
            return new GoBuildInfo(goVersion, modInfoText(inlineString(file, version.next(), MAX_MODINFO_LENGTH).bytes()),
                    null);
        } catch (ElfFormatException e) {
            return new GoBuildInfo(goVersion, "", "module information unreadable: " + e.getMessage());
        }
    }

    private record InlineString(byte[] bytes, long next) {}

    /** An unsigned LEB128 length (Go's binary.Uvarint) followed by that many bytes. */
    private static InlineString inlineString(ByteReader file, long position, int maxLength) throws ElfFormatException {
        long length = 0;
        int shift = 0;
        long at = position;
        while (true) {
            int b = file.u8(at++);
            if (shift == 63 && b > 1 || shift > 63) {
                throw new ElfFormatException("string length varint at offset " + position + " overflows");
            }
            length |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        if (length < 0 || length > maxLength) {
            throw new ElfFormatException("string length " + Long.toUnsignedString(length) + " at offset " + position
                    + " exceeds the limit of " + maxLength);
        }
        if (!file.inRange(at, length)) {
            throw new ElfFormatException("string of " + length + " bytes at offset " + at
                    + " extends past the end of the file");
        }
        byte[] bytes = new byte[(int) length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) file.u8(at + i);
        }
        return new InlineString(bytes, at + length);
    }

    private static GoBuildInfo decodePointers(ElfFile elf, ByteReader file, long header, int pointerSize)
            throws ElfFormatException, GoBuildInfoException {
        long versionAddress = file.word(header + 16, pointerSize);
        long modInfoAddress = file.word(header + 16 + pointerSize, pointerSize);
        String goVersion = utf8(goString(elf, file, versionAddress, pointerSize, MAX_VERSION_LENGTH, "Go version"));
        if (goVersion.isEmpty()) {
            throw new GoBuildInfoException("build information holds an empty Go version");
        }
        try {
            byte[] modInfo = goString(elf, file, modInfoAddress, pointerSize, MAX_MODINFO_LENGTH, "module information");
            return new GoBuildInfo(goVersion, modInfoText(modInfo), null);
        } catch (ElfFormatException e) {
            return new GoBuildInfo(goVersion, "", e.getMessage());
        }
    }

    /** A Go string header {data pointer, length} at virtual address {@code address}, and the bytes it points to. */
    private static byte[] goString(ElfFile elf, ByteReader file, long address, int pointerSize, int maxLength,
            String what) throws ElfFormatException {
        long header = elf.fileOffset(address, 2L * pointerSize).orElseThrow(() -> new ElfFormatException(
                what + " string header address 0x" + Long.toHexString(address) + " is not mapped from the file"));
        long data = file.word(header, pointerSize);
        long length = file.word(header + pointerSize, pointerSize);
        if (length > maxLength) {
            throw new ElfFormatException(what + " length " + length + " exceeds the limit of " + maxLength);
        }
        if (length == 0) {
            return new byte[0];
        }
        long offset = elf.fileOffset(data, length).orElseThrow(() -> new ElfFormatException(
                what + " data address 0x" + Long.toHexString(data) + " is not mapped from the file"));
        return elf.bytes(offset, length, what);
    }

    /** Strips the 16-byte sentinels; like runtime/debug, text without them counts as no module information. */
    private static String modInfoText(byte[] raw) {
        if (raw.length >= 2 * SENTINEL_LENGTH + 1 && raw[raw.length - SENTINEL_LENGTH - 1] == '\n') {
            return new String(raw, SENTINEL_LENGTH, raw.length - 2 * SENTINEL_LENGTH, StandardCharsets.UTF_8);
        }
        return "";
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
