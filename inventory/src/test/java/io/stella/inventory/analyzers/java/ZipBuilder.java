package io.stella.inventory.analyzers.java;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Writes zip archives in memory with a chosen method per entry (STORED entries need size and CRC up front). */
final class ZipBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes);

    ZipBuilder stored(String name, byte[] content) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        return put(entry, content);
    }

    ZipBuilder deflated(String name, byte[] content) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        return put(entry, content);
    }

    ZipArchiveOutputStream stream() {
        return zip;
    }

    byte[] build() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private ZipBuilder put(ZipArchiveEntry entry, byte[] content) {
        try {
            zip.putArchiveEntry(entry);
            zip.write(content);
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
