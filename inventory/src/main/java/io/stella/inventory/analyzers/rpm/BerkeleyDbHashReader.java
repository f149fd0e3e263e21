package io.stella.inventory.analyzers.rpm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads the values (rpm header blobs) of a Berkeley DB hash database, the format of rpm's classic
 * {@code Packages} file, without Berkeley DB: the metadata page gives the page size, the last page, the
 * highest bucket and the split-point table mapping buckets to pages; each bucket is a chain of hash pages
 * holding key/value pairs, and a value too large for a page is an "off-page" item naming a chain of
 * overflow pages (layout as in libdb's {@code db_page.h} and rpm's {@code lib/backend/bdb_ro.c}).
 *
 * <p>The file is hostile until proven otherwise: every page number is range-checked, every page must
 * carry its own number, and no page may be used twice, which rules out loops and bounds the work by the
 * file size.
 */
final class BerkeleyDbHashReader {
    private static final long HASH_MAGIC = 0x061561L;
    private static final long BTREE_MAGIC = 0x053162L;
    private static final int META_SIZE = 512;
    private static final int PAGE_HEADER_SIZE = 26;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;
    private static final int OFFPAGE_ITEM_SIZE = 12;
    private static final int DBMETA_CHKSUM = 0x01;

    private final byte[] file;
    private final DatabaseProblems problems;
    private final List<byte[]> values = new ArrayList<>();
    private boolean bigEndian;
    private int pageSize;
    private long pagesInFile;
    private long lastPage;
    private BitSet usedPages;

    private BerkeleyDbHashReader(byte[] file, DatabaseProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The values of all records except rpm's bookkeeping record (key 0); problems go to {@code problems}. */
    static List<byte[]> read(byte[] file, DatabaseProblems problems) {
        BerkeleyDbHashReader reader = new BerkeleyDbHashReader(file, problems);
        try {
            reader.readAll();
        } catch (MalformedRpmDataException e) {
            problems.malformed(e.getMessage());
        }
        return reader.values;
    }

    private void readAll() throws MalformedRpmDataException {
        if (file.length < META_SIZE) {
            throw new MalformedRpmDataException("file of " + file.length
                    + " bytes is too short for a Berkeley DB metadata page");
        }
        long magic = ByteFields.u32(file, 12, false);
        if (magic == HASH_MAGIC) {
            bigEndian = false;
        } else if (ByteFields.u32(file, 12, true) == HASH_MAGIC) {
            bigEndian = true;
        } else if (magic == BTREE_MAGIC || ByteFields.u32(file, 12, true) == BTREE_MAGIC) {
            problems.unsupported("is a Berkeley DB btree database; an rpm Packages database is a hash database");
            return;
        } else {
            throw new MalformedRpmDataException("no Berkeley DB hash magic number in the metadata page");
        }
        long version = u32(16);
        if (version < 8 || version > 10) {
            problems.unsupported("Berkeley DB hash version " + version + " is not supported (8 to 10 are)");
            return;
        }
        long declaredPageSize = u32(20);
        if (declaredPageSize < 512 || declaredPageSize > 65536 || Long.bitCount(declaredPageSize) != 1) {
            throw new MalformedRpmDataException("metadata page declares invalid page size " + declaredPageSize);
        }
        pageSize = (int) declaredPageSize;
        if (ByteFields.u8(file, 24) != 0) {
            problems.unsupported("the database is encrypted");
            return;
        }
        if (ByteFields.u8(file, 25) != P_HASHMETA) {
            throw new MalformedRpmDataException("page 0 has type " + ByteFields.u8(file, 25)
                    + ", not a hash metadata page");
        }
        if ((ByteFields.u8(file, 26) & DBMETA_CHKSUM) != 0) {
            problems.unsupported("the database has page checksums, which change the page layout");
            return;
        }
        pagesInFile = file.length / pageSize;
        lastPage = u32(32);
        if (lastPage >= pagesInFile) {
            problems.malformed("metadata page says the last page is " + lastPage + " but the file holds only "
                    + pagesInFile + " pages of " + pageSize + " bytes (truncated?)");
        }
        usedPages = new BitSet((int) Math.min(pagesInFile, Integer.MAX_VALUE));
        usedPages.set(0);
        long maxBucket = u32(72);
        // Each bucket owns at least one page, so a bucket count beyond the pages present is corrupt.
        if (maxBucket >= pagesInFile) {
            problems.malformed("metadata page declares " + (maxBucket + 1) + " buckets but the file holds only "
                    + pagesInFile + " pages");
            maxBucket = pagesInFile - 1;
        }
        for (long bucket = 0; bucket <= maxBucket; bucket++) {
            int splitPoint = 64 - Long.numberOfLeadingZeros(bucket);
            long firstPage = bucket + u32(96 + 4L * splitPoint);
            try {
                readBucket(firstPage);
            } catch (MalformedRpmDataException e) {
                problems.malformed("hash bucket " + bucket + ": " + e.getMessage());
            }
        }
    }

    private void readBucket(long pageNumber) throws MalformedRpmDataException {
        for (long page = pageNumber; page != 0; ) {
            long at = claimPage(page);
            int type = ByteFields.u8(file, at + 25);
            if (type != P_HASH && type != P_HASH_UNSORTED) {
                throw new MalformedRpmDataException("page " + page + " has type " + type + ", not a hash page");
            }
            readHashPage(page, at);
            page = u32(at + 16);
        }
    }

    private void readHashPage(long page, long at) throws MalformedRpmDataException {
        int items = u16(at + 20);
        int indexEnd = PAGE_HEADER_SIZE + 2 * items;
        if (indexEnd > pageSize) {
            throw new MalformedRpmDataException("page " + page + " claims " + items + " items, more than fit");
        }
        if (items % 2 != 0) {
            problems.malformed("hash page " + page + " has an odd number of items (" + items
                    + "); the last key has no value");
        }
        // Items are stored from the end of the page downwards: key 0, value 0, key 1, ...
        for (int pair = 0; pair + 1 < items; pair += 2) {
            int keyOffset = u16(at + PAGE_HEADER_SIZE + 2L * pair);
            int valueOffset = u16(at + PAGE_HEADER_SIZE + 2L * pair + 2);
            int keyEnd = pair == 0 ? pageSize : u16(at + PAGE_HEADER_SIZE + 2L * pair - 2);
            try {
                byte[] key = item(page, at, indexEnd, keyOffset, keyEnd - keyOffset);
                if (isBookkeepingKey(key)) {
                    continue;
                }
                values.add(item(page, at, indexEnd, valueOffset, keyOffset - valueOffset));
            } catch (MalformedRpmDataException e) {
                problems.malformed("hash page " + page + ", item pair " + pair / 2 + ": " + e.getMessage());
            }
        }
    }

    /** rpm keeps its next package instance number under key 0; it is not a package. */
    private static boolean isBookkeepingKey(byte[] key) {
        return key.length == 4 && key[0] == 0 && key[1] == 0 && key[2] == 0 && key[3] == 0;
    }

    private byte[] item(long page, long pageAt, int indexEnd, int offset, int length) throws MalformedRpmDataException {
        if (offset < indexEnd || length <= 0 || offset + length > pageSize) {
            throw new MalformedRpmDataException("item at offset " + offset + " with length " + length
                    + " lies outside the item area of page " + page);
        }
        long at = pageAt + offset;
        int type = ByteFields.u8(file, at);
        if (type == H_KEYDATA) {
            return slice(at + 1, length - 1);
        }
        if (type == H_OFFPAGE) {
            if (length != OFFPAGE_ITEM_SIZE) {
                throw new MalformedRpmDataException("off-page item has length " + length + ", not "
                        + OFFPAGE_ITEM_SIZE);
            }
            return overflowChain(u32(at + 4), u32(at + 8));
        }
        throw new MalformedRpmDataException("item type " + type + " is not supported (only plain and off-page"
                + " items occur in rpm databases)");
    }

    private byte[] overflowChain(long firstPage, long totalLength) throws MalformedRpmDataException {
        if (totalLength == 0 || totalLength > (long) file.length) {
            throw new MalformedRpmDataException("off-page value claims " + totalLength + " bytes in a file of "
                    + file.length);
        }
        byte[] value = new byte[(int) totalLength];
        int filled = 0;
        long page = firstPage;
        while (filled < totalLength) {
            if (page == 0) {
                throw new MalformedRpmDataException("overflow chain from page " + firstPage + " ends after "
                        + filled + " of " + totalLength + " bytes");
            }
            long at = claimPage(page);
            int type = ByteFields.u8(file, at + 25);
            if (type != P_OVERFLOW) {
                throw new MalformedRpmDataException("page " + page + " in the overflow chain from page " + firstPage
                        + " has type " + type + ", not an overflow page");
            }
            int used = u16(at + 22);
            if (used == 0 || PAGE_HEADER_SIZE + used > pageSize || used > totalLength - filled) {
                throw new MalformedRpmDataException("overflow page " + page + " claims " + used
                        + " bytes, with " + (totalLength - filled) + " of the value left to read");
            }
            System.arraycopy(file, (int) at + PAGE_HEADER_SIZE, value, filled, used);
            filled += used;
            page = u32(at + 16);
        }
        return value;
    }

    /** The file offset of a page, after checking it exists, carries its number and was not used before. */
    private long claimPage(long page) throws MalformedRpmDataException {
        if (page < 1 || page > lastPage || page >= pagesInFile) {
            throw new MalformedRpmDataException("page number " + page + " is out of range (pages 1 to "
                    + Math.min(lastPage, pagesInFile - 1) + " exist)");
        }
        long at = page * pageSize;
        long stored = u32(at + 8);
        if (stored != page) {
            throw new MalformedRpmDataException("page " + page + " carries page number " + stored);
        }
        if (usedPages.get((int) page)) {
            throw new MalformedRpmDataException("page " + page + " is reached a second time (a loop, or two"
                    + " chains sharing a page)");
        }
        usedPages.set((int) page);
        return at;
    }

    private byte[] slice(long at, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(file, (int) at, copy, 0, length);
        return copy;
    }

    private long u32(long at) throws MalformedRpmDataException {
        return ByteFields.u32(file, at, bigEndian);
    }

    private int u16(long at) throws MalformedRpmDataException {
        return ByteFields.u16(file, at, bigEndian);
    }
}
