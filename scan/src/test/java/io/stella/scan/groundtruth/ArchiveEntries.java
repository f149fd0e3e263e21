package io.stella.scan.groundtruth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A file inside the layers of a gzip'd {@code docker save} archive, read with plain tar streams (last layer wins). */
final class ArchiveEntries {
    private ArchiveEntries() {
    }

    static String textInLayers(Path dockerArchive, String path) throws IOException {
        String found = null;
        try (InputStream in = Files.newInputStream(dockerArchive);
                TarArchiveInputStream outer = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = outer.getNextEntry()) != null) {
                if (entry.getName().endsWith("layer.tar")) {
                    Optional<String> text = find(new TarArchiveInputStream(outer), path);
                    if (text.isPresent()) {
                        found = text.get();
                    }
                }
            }
        }
        if (found == null) {
            throw new AssertionError(dockerArchive + " has no " + path + " in any layer");
        }
        return found;
    }

    private static Optional<String> find(TarArchiveInputStream layer, String path) throws IOException {
        TarArchiveEntry entry;
        while ((entry = layer.getNextEntry()) != null) {
            String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            if (name.equals(path)) {
                return Optional.of(new String(layer.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
