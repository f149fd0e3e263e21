package io.stella.inventory.analyzers.elf;

import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an executable's content for the binary analyzers: stops after four bytes when the file is not
 * ELF (scripts and other executables cost almost nothing), refuses files above the per-file read cap with
 * a warning, and otherwise returns the whole file for random access.
 */
public final class ElfContentReader {
    /** Java arrays cannot be larger than this. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /** Smaller than an ELF header: cannot be an ELF executable. */
    private static final int MIN_SIZE = 52;

    private ElfContentReader() {}

    /** The cheap test the binary analyzers accept files by: executable and large enough to be ELF. */
    public static boolean mayBeElfExecutable(FileInfo file) {
        return file.executable() && file.size() >= MIN_SIZE;
    }

    /** The whole file when it is ELF, or null (not ELF, or too large: then a warning names the cap). */
    public static byte[] read(AnalyzableFile file, Findings findings) throws IOException {
        try (InputStream in = file.open()) {
            byte[] magic = in.readNBytes(4);
            if (!ElfFile.hasElfMagic(magic)) {
                return null;
            }
            long size = file.info().size();
            long cap = Math.min(file.maxReadBytes(), MAX_ARRAY);
            if (size > cap) {
                findings.warn("file-too-large", "ELF executable of " + size + " bytes exceeds the per-file read limit of "
                        + cap + " bytes; its embedded package information was not read");
                return null;
            }
            // Read straight into an array of the announced size; tolerate content shorter or longer than announced.
            byte[] data = new byte[(int) Math.max(size, 4)];
            System.arraycopy(magic, 0, data, 0, 4);
            int length = 4 + in.readNBytes(data, 4, data.length - 4);
            int next = in.read();
            if (next < 0) {
                return length == data.length ? data : Arrays.copyOf(data, length);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(length + 8192);
            out.write(data, 0, length);
            out.write(next);
            in.transferTo(out);
            if (out.size() > cap) {
                findings.warn("file-too-large", "ELF executable exceeds the per-file read limit of " + cap
                        + " bytes; its embedded package information was not read");
                return null;
            }
            return out.toByteArray();
        }
    }
}
