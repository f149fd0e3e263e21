package io.stella.inventory.analyzers.elf;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The headers of an ELF file (32/64-bit, either byte order) held in memory: the section table with names
 * and the program headers. Contents are read only on request, every range checked against the file, so
 * hostile offsets, sizes and counts end in an {@link ElfFormatException}, never in an exception of another
 * kind or a long loop.
 */
public final class ElfFile {
    /** More sections than this is not a real program (linkers produce a few dozen; -ffunction-sections objects thousands). */
    static final int MAX_SECTIONS = 65_536;
    static final int MAX_SEGMENTS = 65_536;
    private static final int MAX_NAME_LENGTH = 4096;
    private static final int SHN_XINDEX = 0xffff;
    private static final int PN_XNUM = 0xffff;

    private final byte[] data;
    private final ByteReader reader;
    private final boolean is64;
    private final List<ElfSection> sections;
    private final List<ElfSegment> segments;

    private ElfFile(byte[] data, ByteReader reader, boolean is64, List<ElfSection> sections,
            List<ElfSegment> segments) {
        this.data = data;
        this.reader = reader;
        this.is64 = is64;
        this.sections = sections;
        this.segments = segments;
    }

    public static boolean hasElfMagic(byte[] prefix) {
        return prefix.length >= 4 && prefix[0] == 0x7f && prefix[1] == 'E' && prefix[2] == 'L' && prefix[3] == 'F';
    }

    /** Parses the ELF header, section headers (with names) and program headers of {@code data}. */
    public static ElfFile parse(byte[] data) throws ElfFormatException {
        if (!hasElfMagic(data)) {
            throw new ElfFormatException("no ELF magic");
        }
        if (data.length < 52) {
            throw new ElfFormatException("file of " + data.length + " bytes is shorter than an ELF header");
        }
        boolean is64 = switch (data[4]) {
            case 1 -> false;
            case 2 -> true;
            default -> throw new ElfFormatException("unknown ELF class " + data[4]);
        };
        ByteOrder order = switch (data[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw new ElfFormatException("unknown ELF data encoding " + data[5]);
        };
        ByteReader r = new ByteReader(data, order);
        Header h = is64
                ? new Header(r.u64(32), r.u64(40), r.u16(54), r.u16(56), r.u16(58), r.u16(60), r.u16(62))
                : new Header(r.u32(28), r.u32(32), r.u16(42), r.u16(44), r.u16(46), r.u16(48), r.u16(50));
        List<ElfSection> sections = readSections(r, is64, h);
        int phnum = h.phnum;
        if (phnum == PN_XNUM && h.shoff != 0) {
            phnum = (int) Math.min(Integer.MAX_VALUE, r.u32(h.shoff + (is64 ? 44 : 28)));
        }
        List<ElfSegment> segments = readSegments(r, is64, h.phoff, h.phentsize, phnum);
        return new ElfFile(data, r, is64, sections, segments);
    }

    private record Header(long phoff, long shoff, int phentsize, int phnum, int shentsize, int shnum, int shstrndx) {}

    private static List<ElfSection> readSections(ByteReader r, boolean is64, Header h) throws ElfFormatException {
        if (h.shoff == 0) {
            return List.of();
        }
        int minEntry = is64 ? 64 : 40;
        if (h.shentsize < minEntry) {
            throw new ElfFormatException("section header size " + h.shentsize + " is below " + minEntry);
        }
        long count = h.shnum;
        long stringIndex = h.shstrndx;
        if (count == 0 || stringIndex == SHN_XINDEX) {
            // Extended numbering: the real values live in section header 0.
            RawSection zero = readRawSection(r, is64, h.shoff);
            if (count == 0) {
                count = zero.size;
            }
            if (stringIndex == SHN_XINDEX) {
                stringIndex = zero.link;
            }
        }
        if (count > MAX_SECTIONS) {
            throw new ElfFormatException("section count " + count + " exceeds " + MAX_SECTIONS);
        }
        if (!r.inRange(h.shoff, count * h.shentsize)) {
            throw new ElfFormatException("section header table (" + count + " entries at offset " + h.shoff
                    + ") extends past the end of the file");
        }
        List<RawSection> raw = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            raw.add(readRawSection(r, is64, h.shoff + (long) i * h.shentsize));
        }
        RawSection names = stringIndex < raw.size() ? raw.get((int) stringIndex) : null;
        List<ElfSection> sections = new ArrayList<>(raw.size());
        for (RawSection s : raw) {
            sections.add(new ElfSection(name(r, names, s.nameOffset), s.type, s.flags, s.addr, s.offset, s.size));
        }
        return List.copyOf(sections);
    }

    private record RawSection(long nameOffset, int type, long flags, long addr, long offset, long size, long link) {}

    private static RawSection readRawSection(ByteReader r, boolean is64, long at) throws ElfFormatException {
        if (is64) {
            return new RawSection(r.u32(at), (int) r.u32(at + 4), r.u64(at + 8), r.u64(at + 16), r.u64(at + 24),
                    r.u64(at + 32), r.u32(at + 40));
        }
        return new RawSection(r.u32(at), (int) r.u32(at + 4), r.u32(at + 8), r.u32(at + 12), r.u32(at + 16),
                r.u32(at + 20), r.u32(at + 24));
    }

    /** A section's name, or "" when the string table or the offset into it is unusable. */
    private static String name(ByteReader r, RawSection table, long nameOffset) {
        if (table == null || table.type == ElfSection.SHT_NOBITS || nameOffset >= table.size
                || !r.inRange(table.offset, table.size)) {
            return "";
        }
        long start = table.offset + nameOffset;
        long limit = Math.min(table.offset + table.size, start + MAX_NAME_LENGTH);
        StringBuilder name = new StringBuilder();
        try {
            for (long i = start; i < limit; i++) {
                int c = r.u8(i);
                if (c == 0) {
                    return name.toString();
                }
                name.append((char) c);
            }
        } catch (ElfFormatException e) {
            return "";
        }
        return "";
    }

    private static List<ElfSegment> readSegments(ByteReader r, boolean is64, long phoff, int phentsize, int phnum)
            throws ElfFormatException {
        if (phoff == 0 || phnum == 0) {
            return List.of();
        }
        int minEntry = is64 ? 56 : 32;
        if (phentsize < minEntry) {
            throw new ElfFormatException("program header size " + phentsize + " is below " + minEntry);
        }
        if (phnum > MAX_SEGMENTS) {
            throw new ElfFormatException("program header count " + phnum + " exceeds " + MAX_SEGMENTS);
        }
        if (!r.inRange(phoff, (long) phnum * phentsize)) {
            throw new ElfFormatException("program header table (" + phnum + " entries at offset " + phoff
                    + ") extends past the end of the file");
        }
        List<ElfSegment> segments = new ArrayList<>(phnum);
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            segments.add(is64
                    ? new ElfSegment((int) r.u32(at), (int) r.u32(at + 4), r.u64(at + 8), r.u64(at + 16),
                            r.u64(at + 32), r.u64(at + 40))
                    : new ElfSegment((int) r.u32(at), (int) r.u32(at + 24), r.u32(at + 4), r.u32(at + 8),
                            r.u32(at + 16), r.u32(at + 20)));
        }
        return List.copyOf(segments);
    }

    public boolean is64Bit() {
        return is64;
    }

    public ByteOrder byteOrder() {
        return reader.order();
    }

    /** The whole file, bounds-checked. */
    public ByteReader reader() {
        return reader;
    }

    /** The whole file, bounds-checked, read in the given byte order (some embedded formats declare their own). */
    public ByteReader reader(ByteOrder order) {
        return order == reader.order() ? reader : new ByteReader(data, order);
    }

    public int length() {
        return data.length;
    }

    public List<ElfSection> sections() {
        return sections;
    }

    public List<ElfSegment> segments() {
        return segments;
    }

    /** The first section with this exact name. */
    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** A copy of a section's contents; fails when they lie (partly) outside the file or exceed {@code maxSize}. */
    public byte[] contents(ElfSection section, int maxSize) throws ElfFormatException {
        if (!section.hasFileBytes()) {
            throw new ElfFormatException("section " + section.name() + " has no bytes in the file (SHT_NOBITS)");
        }
        if (section.size() > maxSize) {
            throw new ElfFormatException("section " + section.name() + " of " + section.size()
                    + " bytes exceeds the limit of " + maxSize);
        }
        return bytes(section.offset(), section.size(), "section " + section.name());
    }

    /** A copy of {@code length} file bytes at {@code offset}. */
    public byte[] bytes(long offset, long length, String what) throws ElfFormatException {
        if (!reader.inRange(offset, length)) {
            throw new ElfFormatException(what + " (" + length + " bytes at offset " + offset
                    + ") extends past the end of the file (" + data.length + " bytes)");
        }
        return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
    }

    /**
     * The file offset holding the {@code length} bytes mapped at virtual address {@code vaddr}: through the
     * loadable segments, or the allocated sections when the file has no program headers.
     */
    public Optional<Long> fileOffset(long vaddr, long length) {
        if (vaddr < 0 || length < 0) {
            return Optional.empty();
        }
        for (ElfSegment s : segments) {
            if (s.isLoad() && contains(s.vaddr(), s.fileSize(), vaddr, length)) {
                return checked(s.offset() + (vaddr - s.vaddr()), length);
            }
        }
        if (segments.isEmpty()) {
            for (ElfSection s : sections) {
                if ((s.flags() & ElfSection.SHF_ALLOC) != 0 && s.hasFileBytes()
                        && contains(s.addr(), s.size(), vaddr, length)) {
                    return checked(s.offset() + (vaddr - s.addr()), length);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contains(long start, long size, long vaddr, long length) {
        return vaddr >= start && vaddr - start <= size && length <= size - (vaddr - start);
    }

    private Optional<Long> checked(long offset, long length) {
        return reader.inRange(offset, length) ? Optional.of(offset) : Optional.empty();
    }

    /** A short human description of the file, for messages. */
    @Override
    public String toString() {
        return "ELF" + (is64 ? "64" : "32") + (reader.order() == ByteOrder.BIG_ENDIAN ? " big-endian" : "")
                + ", " + sections.size() + " sections, " + segments.size() + " segments";
    }
}
