package io.stella.inventory.analyzers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Real files installed on the build machine, addressed as an image would address them (no leading slash). */
public final class HostFiles {
    private HostFiles() {}

    /** The regular files under {@code root} that pass {@code filter}, sorted; skips the test when root is absent. */
    public static List<Path> under(Path root, Predicate<Path> filter) {
        Assumptions.assumeTrue(Files.isDirectory(root), root + " is not installed on this machine");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path an image would give the file: absolute host path without the leading slash. */
    public static String imagePath(Path file) {
        return file.toAbsolutePath().toString().substring(1);
    }
}
