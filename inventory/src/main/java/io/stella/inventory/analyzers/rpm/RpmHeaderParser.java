package io.stella.inventory.analyzers.rpm;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an rpm header blob as stored in the package databases (rpm's {@code lib/header.c}): a big-endian
 * index count and data length, that many 16-byte index entries (tag, type, offset, count), then the data
 * store. Every index entry is checked before any is trusted, as rpm does: known type, aligned offset
 * inside the store, data inside the store; the strings read are checked to end with a NUL inside the store.
 */
final class RpmHeaderParser {
    static final int TAG_NAME = 1000;
    static final int TAG_VERSION = 1001;
    static final int TAG_RELEASE = 1002;
    static final int TAG_EPOCH = 1003;
    static final int TAG_LICENSE = 1014;
    static final int TAG_ARCH = 1022;
    static final int TAG_SOURCERPM = 1044;

    private static final int TYPE_NULL = 0;
    private static final int TYPE_CHAR = 1;
    private static final int TYPE_INT8 = 2;
    private static final int TYPE_INT16 = 3;
    private static final int TYPE_INT32 = 4;
    private static final int TYPE_INT64 = 5;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_BIN = 7;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;

    /** rpm's HEADER_TAGS_MAX and HEADER_DATA_MAX. */
    private static final long MAX_INDEX_ENTRIES = 0xffff;
    private static final long MAX_DATA_LENGTH = 0x0fffffff;
    private static final int ENTRY_SIZE = 16;

    private RpmHeaderParser() {}

    private record IndexEntry(int tag, int type, long offset, long count) {}

    static RpmHeader parse(byte[] blob) throws MalformedRpmDataException {
        if (blob.length < 8) {
            throw new MalformedRpmDataException("header blob of " + blob.length + " bytes is too short");
        }
        long indexCount = ByteFields.u32(blob, 0, true);
        long dataLength = ByteFields.u32(blob, 4, true);
        if (indexCount < 1 || indexCount > MAX_INDEX_ENTRIES) {
            throw new MalformedRpmDataException("header blob claims " + indexCount + " index entries");
        }
        if (dataLength > MAX_DATA_LENGTH) {
            throw new MalformedRpmDataException("header blob claims " + dataLength + " bytes of data");
        }
        long dataStart = 8 + indexCount * ENTRY_SIZE;
        if (dataStart + dataLength > blob.length) {
            throw new MalformedRpmDataException("header blob is truncated: " + indexCount + " index entries and "
                    + dataLength + " data bytes need " + (dataStart + dataLength) + " bytes, the blob has "
                    + blob.length);
        }
        DataStore store = new DataStore(blob, (int) dataStart, (int) dataLength);
        // Later entries win: rpm lets "dribble" entries after the immutable region replace region entries.
        Map<Integer, IndexEntry> wanted = new HashMap<>();
        for (int i = 0; i < indexCount; i++) {
            int at = 8 + i * ENTRY_SIZE;
            // Offsets are signed in rpm: a negative one is out of range, not a huge positive one.
            IndexEntry entry = new IndexEntry((int) ByteFields.u32(blob, at, true),
                    (int) ByteFields.u32(blob, at + 4, true), (int) ByteFields.u32(blob, at + 8, true),
                    ByteFields.u32(blob, at + 12, true));
            store.verify(i, entry);
            if (isWanted(entry.tag())) {
                wanted.put(entry.tag(), entry);
            }
        }
        String name = store.string(wanted.get(TAG_NAME), "NAME");
        String version = store.string(wanted.get(TAG_VERSION), "VERSION");
        String release = store.string(wanted.get(TAG_RELEASE), "RELEASE");
        if (name == null || name.isEmpty() || version == null || version.isEmpty() || release == null
                || release.isEmpty()) {
            throw new MalformedRpmDataException("header has no NAME, VERSION or RELEASE (name " + name + ", version "
                    + version + ", release " + release + ")");
        }
        return new RpmHeader(name, store.int32(wanted.get(TAG_EPOCH), "EPOCH"), version, release,
                store.string(wanted.get(TAG_ARCH), "ARCH"), store.string(wanted.get(TAG_SOURCERPM), "SOURCERPM"),
                store.string(wanted.get(TAG_LICENSE), "LICENSE"));
    }

    private static boolean isWanted(int tag) {
        return tag == TAG_NAME || tag == TAG_VERSION || tag == TAG_RELEASE || tag == TAG_EPOCH || tag == TAG_LICENSE
                || tag == TAG_ARCH || tag == TAG_SOURCERPM;
    }

    /** The data store of one header: {@code length} bytes of {@code blob} from {@code start}. */
    private record DataStore(byte[] blob, int start, int length) {
        void verify(int index, IndexEntry entry) throws MalformedRpmDataException {
            String which = "index entry " + index + " (tag " + entry.tag() + ")";
            if (entry.type() < TYPE_NULL || entry.type() > TYPE_I18NSTRING) {
                throw new MalformedRpmDataException(which + " has unknown type " + entry.type());
            }
            long offset = entry.offset();
            if (offset < 0 || offset > length) {
                throw new MalformedRpmDataException(which + " points at offset " + offset
                        + ", outside the data store of " + length + " bytes");
            }
            int alignment = fixedSize(entry.type());
            if (alignment > 1 && offset % alignment != 0) {
                throw new MalformedRpmDataException(which + " has misaligned offset " + offset + " for its type");
            }
            if (dataEnd(entry, which) > length) {
                throw new MalformedRpmDataException(which + " has data running past the end of the data store");
            }
        }

        /**
         * The offset just past the entry's data. For strings only the lower bound of one byte per string is
         * checked here; the NULs are looked for when a wanted string is read, so a hostile header cannot make
         * thousands of entries scan the same long string.
         */
        private long dataEnd(IndexEntry entry, String which) throws MalformedRpmDataException {
            int type = entry.type();
            if (type == TYPE_STRING && entry.count() != 1) {
                throw new MalformedRpmDataException(which + " is a string with count " + entry.count());
            }
            int size = type == TYPE_NULL ? 0 : fixedSize(type);
            return entry.offset() + entry.count() * size;
        }

        private long nulAfter(long offset, String which) throws MalformedRpmDataException {
            for (long i = offset; i < length; i++) {
                if (blob[start + (int) i] == 0) {
                    return i;
                }
            }
            throw new MalformedRpmDataException(which + " has a string without terminating NUL in the data store");
        }

        String string(IndexEntry entry, String tagName) throws MalformedRpmDataException {
            if (entry == null) {
                return null;
            }
            int type = entry.type();
            if (type != TYPE_STRING && type != TYPE_STRING_ARRAY && type != TYPE_I18NSTRING) {
                throw new MalformedRpmDataException("tag " + tagName + " has type " + type + ", not a string");
            }
            if (entry.count() < 1) {
                return null;
            }
            // For an i18n string or array the first entry is the untranslated ("C") value, which rpm -qa shows.
            int from = (int) entry.offset();
            int end = (int) nulAfter(from, "tag " + tagName);
            return new String(blob, start + from, end - from, StandardCharsets.UTF_8);
        }

        Long int32(IndexEntry entry, String tagName) throws MalformedRpmDataException {
            if (entry == null) {
                return null;
            }
            if (entry.type() != TYPE_INT32) {
                throw new MalformedRpmDataException("tag " + tagName + " has type " + entry.type() + ", not int32");
            }
            if (entry.count() < 1) {
                return null;
            }
            return ByteFields.u32(blob, start + entry.offset(), true);
        }
    }

    private static int fixedSize(int type) {
        return switch (type) {
            case TYPE_CHAR, TYPE_INT8, TYPE_BIN -> 1;
            case TYPE_INT16 -> 2;
            case TYPE_INT32 -> 4;
            case TYPE_INT64 -> 8;
            default -> 1;
        };
    }
}
