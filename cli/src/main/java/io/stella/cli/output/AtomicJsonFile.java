package io.stella.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a JSON state file whole or not at all: a temp file in the same directory, then a rename. */
public final class AtomicJsonFile {
    private AtomicJsonFile() {
    }

    public static void write(ObjectMapper mapper, Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp");
        try {
            mapper.writeValue(temp.toFile(), value);
            AtomicOutput.replace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
