package io.stella.inventory.analyzers.rpm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Adler32;

/**
 * Reads the header blobs of rpm's "ndb" {@code Packages.db} (SUSE), laid out as in rpm's
 * {@code lib/backend/ndb/rpmpkg.c}: a 32-byte header ("RpmP", version 0, generation, slot page count),
 * then 4 KiB slot pages of 16-byte slots ("Slot", package index, block offset, block count; block offset 0
 * marks a free slot), then blobs in 16-byte blocks: a 16-byte head ("BlbS", package index, timestamp,
 * length), the header blob, zero padding, and a 12-byte tail (Adler-32 of everything before it, length,
 * "BlbE"). All integers are little-endian.
 *
 * <p>Each blob is verified (magic, index, length, checksum) and blobs may not overlap, which keeps the work
 * proportional to the file size whatever the slots say.
 */
final class NdbReader {
    private static final long HEADER_MAGIC = magic("RpmP");
    private static final long SLOT_MAGIC = magic("Slot");
    private static final long BLOB_HEAD_MAGIC = magic("BlbS");
    private static final long BLOB_TAIL_MAGIC = magic("BlbE");
    private static final int HEADER_SIZE = 32;
    private static final int SLOT_PAGE_SIZE = 4096;
    private static final int SLOT_SIZE = 16;
    private static final int BLOCK_SIZE = 16;
    private static final int BLOB_HEAD_SIZE = 16;
    private static final int BLOB_TAIL_SIZE = 12;

    private NdbReader() {}

    private record Slot(long offset, long packageIndex, long firstBlock, long blockCount) {}

    static List<byte[]> read(byte[] file, DatabaseProblems problems) {
        try {
            return readSlotsAndBlobs(file, problems);
        } catch (MalformedRpmDataException e) {
            problems.malformed(e.getMessage());
            return List.of();
        }
    }

    private static List<byte[]> readSlotsAndBlobs(byte[] file, DatabaseProblems problems)
            throws MalformedRpmDataException {
        if (file.length < HEADER_SIZE) {
            throw new MalformedRpmDataException("file of " + file.length + " bytes is too short for an ndb header");
        }
        if (ByteFields.u32(file, 0, false) != HEADER_MAGIC) {
            throw new MalformedRpmDataException("no ndb magic \"RpmP\" at the start of the file");
        }
        long version = ByteFields.u32(file, 4, false);
        if (version != 0) {
            problems.unsupported("ndb version " + version + " is not supported (only 0 is)");
            return List.of();
        }
        long slotPages = ByteFields.u32(file, 12, false);
        if (slotPages == 0) {
            throw new MalformedRpmDataException("the ndb header declares no slot pages");
        }
        if (file.length % BLOCK_SIZE != 0) {
            problems.malformed("file size " + file.length + " is not a multiple of " + BLOCK_SIZE
                    + " bytes (truncated?)");
        }
        long slotAreaEnd = slotPages * SLOT_PAGE_SIZE;
        if (slotAreaEnd > file.length) {
            problems.malformed("the header declares " + slotPages + " slot pages (" + slotAreaEnd
                    + " bytes) but the file has " + file.length + " bytes (truncated?)");
            slotAreaEnd = file.length - file.length % SLOT_SIZE;
        }
        List<Slot> slots = usedSlots(file, slotPages, slotAreaEnd, problems);
        slots.sort(Comparator.comparingLong(Slot::firstBlock));
        List<byte[]> blobs = new ArrayList<>();
        long freeFrom = slotPages * SLOT_PAGE_SIZE / BLOCK_SIZE;
        for (Slot slot : slots) {
            if (slot.firstBlock() < freeFrom) {
                problems.malformed("slot at offset " + slot.offset() + " (package index " + slot.packageIndex()
                        + ") points at blocks already used by another package or by the slot pages");
                continue;
            }
            freeFrom = slot.firstBlock() + slot.blockCount();
            try {
                blobs.add(blob(file, slot));
            } catch (MalformedRpmDataException e) {
                problems.malformed("blob of package index " + slot.packageIndex() + " at offset "
                        + slot.firstBlock() * BLOCK_SIZE + ": " + e.getMessage());
            }
        }
        return blobs;
    }

    private static List<Slot> usedSlots(byte[] file, long slotPages, long slotAreaEnd, DatabaseProblems problems)
            throws MalformedRpmDataException {
        long fileBlocks = file.length / BLOCK_SIZE;
        List<Slot> slots = new ArrayList<>();
        Set<Long> packageIndexes = new HashSet<>();
        for (long at = HEADER_SIZE; at + SLOT_SIZE <= slotAreaEnd; at += SLOT_SIZE) {
            if (ByteFields.u32(file, at, false) != SLOT_MAGIC) {
                problems.malformed("slot at offset " + at + " has no \"Slot\" magic");
                continue;
            }
            long firstBlock = ByteFields.u32(file, at + 8, false);
            if (firstBlock == 0) {
                continue;
            }
            Slot slot = new Slot(at, ByteFields.u32(file, at + 4, false), firstBlock,
                    ByteFields.u32(file, at + 12, false));
            if (slot.packageIndex() == 0 || slot.blockCount() == 0) {
                problems.malformed("slot at offset " + at + " is in use but has package index "
                        + slot.packageIndex() + " and " + slot.blockCount() + " blocks");
            } else if (firstBlock < slotPages * SLOT_PAGE_SIZE / BLOCK_SIZE
                    || firstBlock + slot.blockCount() > fileBlocks) {
                problems.malformed("slot at offset " + at + " (package index " + slot.packageIndex()
                        + ") points at blocks " + firstBlock + " to " + (firstBlock + slot.blockCount() - 1)
                        + ", outside the blob area (blocks " + slotPages * SLOT_PAGE_SIZE / BLOCK_SIZE + " to "
                        + (fileBlocks - 1) + ")");
            } else if (!packageIndexes.add(slot.packageIndex())) {
                problems.malformed("package index " + slot.packageIndex() + " has a second slot at offset " + at);
            } else {
                slots.add(slot);
            }
        }
        return slots;
    }

    private static byte[] blob(byte[] file, Slot slot) throws MalformedRpmDataException {
        long start = slot.firstBlock() * BLOCK_SIZE;
        long size = slot.blockCount() * BLOCK_SIZE;
        if (size < BLOB_HEAD_SIZE + BLOB_TAIL_SIZE) {
            throw new MalformedRpmDataException(slot.blockCount() + " blocks are too few for a blob");
        }
        if (ByteFields.u32(file, start, false) != BLOB_HEAD_MAGIC) {
            throw new MalformedRpmDataException("no \"BlbS\" magic");
        }
        long packageIndex = ByteFields.u32(file, start + 4, false);
        if (packageIndex != slot.packageIndex()) {
            throw new MalformedRpmDataException("blob is for package index " + packageIndex);
        }
        long length = ByteFields.u32(file, start + 12, false);
        long neededBlocks = (BLOB_HEAD_SIZE + length + BLOB_TAIL_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE;
        if (neededBlocks != slot.blockCount()) {
            throw new MalformedRpmDataException("blob length " + length + " needs " + neededBlocks
                    + " blocks, the slot gives " + slot.blockCount());
        }
        long tail = start + size - BLOB_TAIL_SIZE;
        Adler32 adler = new Adler32();
        adler.update(file, (int) start, (int) (tail - start));
        if (ByteFields.u32(file, tail, false) != adler.getValue()) {
            throw new MalformedRpmDataException("Adler-32 checksum mismatch (the blob is damaged)");
        }
        if (ByteFields.u32(file, tail + 4, false) != length
                || ByteFields.u32(file, tail + 8, false) != BLOB_TAIL_MAGIC) {
            throw new MalformedRpmDataException("blob tail does not match its head");
        }
        byte[] blob = new byte[(int) length];
        System.arraycopy(file, (int) start + BLOB_HEAD_SIZE, blob, 0, (int) length);
        return blob;
    }

    private static long magic(String fourLetters) {
        return fourLetters.charAt(0) | fourLetters.charAt(1) << 8 | fourLetters.charAt(2) << 16
                | (long) fourLetters.charAt(3) << 24;
    }
}
