package io.stella.inventory.spi;

/**
 * A regular file as analyzers see it.
 *
 * @param path relative to the root, '/'-separated, no leading slash (e.g. {@code usr/bin/app})
 * @param size size in bytes
 * @param mode Unix permission bits (0755 ...), 0 when unknown
 */
public record FileInfo(String path, long size, int mode) {
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean executable() {
        return (mode & 0111) != 0;
    }
}
