package io.stella.image.source;

import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.registry.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens local image inputs by what they are. */
public final class ImageSources {
    private ImageSources() {}

    /**
     * {@code --input}: an OCI layout directory (optionally {@code dir:refname}) or a docker save archive
     * (tar or tar.gz).
     */
    public static ImageSource openInput(String input, Optional<Platform> platform, LayerLimits limits) {
        Path path = Path.of(input);
        String ref = null;
        if (!Files.exists(path)) {
            int colon = input.lastIndexOf(':');
            if (colon > 0 && Files.isDirectory(Path.of(input.substring(0, colon)))) {
                path = Path.of(input.substring(0, colon));
                ref = input.substring(colon + 1);
            }
        }
        if (Files.isDirectory(path)) {
            return new OciLayoutSource(path, ref, platform, limits);
        }
        if (Files.isRegularFile(path)) {
            return new DockerArchiveSource(path, limits);
        }
        throw SourceFailures.invalid(input, "no such file or directory");
    }

    /** {@code --rootfs}: a directory, or a tar (plain, gzip, zstd) of a root file system. */
    public static ImageSource openRootfs(String rootfs, LayerLimits limits) {
        Path path = Path.of(rootfs);
        if (Files.isDirectory(path)) {
            return new RootfsDirectorySource(path);
        }
        if (Files.isRegularFile(path)) {
            return new RootfsTarSource(path, limits);
        }
        throw SourceFailures.invalid(rootfs, "no such file or directory");
    }
}
