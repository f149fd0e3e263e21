package io.stella.inventory.analyzers.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Real jars of the local Maven repository, each with the coordinates its position states
 * ({@code <group path>/<artifactId>/<version>/<artifactId>-<version>.jar}), an independent truth.
 */
final class M2Repository {
    record RepositoryJar(Path file, String groupId, String artifactId, String version) {
        String name() {
            return groupId + ":" + artifactId;
        }

        String fileName() {
            return file.getFileName().toString();
        }
    }

    private M2Repository() {}

    static Path root() {
        Path root = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Assumptions.assumeTrue(Files.isDirectory(root), "no local Maven repository at " + root);
        return root;
    }

    /** Every {@code artifactId-version.jar} (no classifier) of the repository, sorted by path. */
    static List<RepositoryJar> jars() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .map(f -> at(root, f))
                    .filter(j -> j != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RepositoryJar find(String groupId, String artifactId) {
        return jars().stream()
                .filter(j -> j.groupId().equals(groupId) && j.artifactId().equals(artifactId))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new org.opentest4j.TestAbortedException(
                        groupId + ":" + artifactId + " is not in the local Maven repository"));
    }

    private static RepositoryJar at(Path root, Path file) {
        Path relative = root.relativize(file);
        int n = relative.getNameCount();
        if (n < 4) {
            return null;
        }
        String version = relative.getName(n - 2).toString();
        String artifactId = relative.getName(n - 3).toString();
        if (!relative.getFileName().toString().equals(artifactId + "-" + version + ".jar")) {
            return null;
        }
        String groupId = relative.subpath(0, n - 3).toString().replace('/', '.');
        return new RepositoryJar(file, groupId, artifactId, version);
    }
}
