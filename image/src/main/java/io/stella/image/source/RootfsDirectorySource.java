package io.stella.image.source;

import io.stella.image.EntryType;
import io.stella.image.ImageMetadata;
import io.stella.image.ImageSource;
import io.stella.image.LayerEntry;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.LayerWarning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * An unpacked root file system on disk, read as a one-layer image. Symbolic links are recorded, never
 * followed on the host (a link to /etc/passwd means the image's /etc/passwd, resolved in the file view).
 */
public final class RootfsDirectorySource implements ImageSource {
    private final Path root;

    public RootfsDirectorySource(Path root) {
        if (!Files.isDirectory(root)) {
            throw SourceFailures.invalid(root.toString(), "not a directory");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void walk(LayerVisitor visitor) throws IOException {
        LayerRef layer = new LayerRef(RootfsTarSource.LAYER_KEY, null, null, null, -1);
        visitor.startLayer(layer);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root)) {
                        visitor.entry(layer, new LayerEntry(relative(dir), EntryType.DIRECTORY, 0, mode(dir), null),
                                InputStream.nullInputStream());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = relative(file);
                    if (attrs.isSymbolicLink()) {
                        visitor.entry(layer, new LayerEntry(path, EntryType.SYMLINK, 0, 0777,
                                Files.readSymbolicLink(file).toString()), InputStream.nullInputStream());
                    } else if (attrs.isRegularFile()) {
                        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                            visitor.entry(layer, new LayerEntry(path, EntryType.FILE, attrs.size(), mode(file), null), in);
                        }
                    } else {
                        visitor.entry(layer, new LayerEntry(path, EntryType.OTHER, 0, 0, null),
                                InputStream.nullInputStream());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    visitor.warning(new LayerWarning("unreadable-file", layer.displayDigest(), relative(file),
                            "cannot be read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            visitor.endLayer(layer);
        }
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static int mode(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (IOException | UnsupportedOperationException e) {
            return 0644;
        }
    }

    @Override
    public ImageMetadata metadata() {
        return new ImageMetadata(root.toString(),
                null, null, List.of(new LayerRef(RootfsTarSource.LAYER_KEY, null, null, null, -1)), true);
    }
}
