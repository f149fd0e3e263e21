package io.stella.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a document to standard output or to a file through a temporary file and an atomic move, so a
 * failed run never leaves half a document behind.
 */
public final class AtomicOutput {
    /** Writes the whole document to the stream it is given. */
    @FunctionalInterface
    public interface Document {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /** To {@code file}, or to {@code stdout} when {@code file} is null. */
    public static void write(Path file, PrintWriter stdout, Document document) throws IOException {
        if (file == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.writeTo(bytes);
            stdout.print(bytes.toString(StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".stella-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                document.writeTo(out);
            }
            replace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Puts {@code temp} in {@code target}'s place in one step where the file system can (a rename in the same
     * directory), else by a plain replace.
     */
    public static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
