package io.stella.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the external programs the fixtures drive, with an install hint when one is missing. */
public final class Tools {

    private static final String INSTALL_HINT = "install the fixtures' tools with: apt-get install docker-registry skopeo";

    private Tools() {
    }

    /** The executable's path, or an {@link IllegalStateException} naming the apt packages to install. */
    public static Path require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(
                "'" + name + "' was not found on PATH or in /usr/bin; " + INSTALL_HINT));
    }

    /** Whether the executable exists, for {@code assumeTrue(Tools.available("skopeo"))}. */
    public static boolean available(String name) {
        return find(name).isPresent();
    }

    public static Optional<Path> find(String name) {
        String pathEnv = System.getenv().getOrDefault("PATH", "");
        for (String dir : (pathEnv + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
