package io.stella.testing;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds multi-layer OCI image layouts for tests: layers of files, links, whiteouts and hostile
 * entries, gzip / zstd / uncompressed, or a real root file system tarball taken as it is.
 */
public final class LayeredImage {
    public enum Compression {
        GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
        ZSTD("application/vnd.oci.image.layer.v1.tar+zstd"),
        NONE("application/vnd.oci.image.layer.v1.tar");

        final String mediaType;

        Compression(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** One layer's entries, in order. Names are written exactly as given (hostile ones included). */
    public static final class Layer {
        private final List<TarArchiveEntry> entries = new ArrayList<>();
        private final List<byte[]> contents = new ArrayList<>();
        private Compression compression = Compression.GZIP;
        private String mediaTypeOverride;

        public Layer compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        /** Declares a media type other than the compression's own (e.g. a foreign layer). */
        public Layer mediaType(String mediaType) {
            this.mediaTypeOverride = mediaType;
            return this;
        }

        public Layer file(String name, String content) {
            return file(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
        }

        public Layer file(String name, byte[] content, int mode) {
            TarArchiveEntry e = new TarArchiveEntry(name, true);
            e.setSize(content.length);
            e.setMode(0100000 | mode);
            return add(e, content);
        }

        public Layer directory(String name) {
            TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
            e.setMode(040755);
            return add(e, null);
        }

        public Layer symlink(String name, String target) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
            e.setLinkName(target);
            return add(e, null);
        }

        public Layer hardlink(String name, String target) {
            TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
            e.setLinkName(target);
            return add(e, null);
        }

        /** {@code .wh.<name>} beside the deleted path. */
        public Layer whiteout(String path) {
            int slash = path.lastIndexOf('/');
            String dir = slash < 0 ? "" : path.substring(0, slash + 1);
            return file(dir + ".wh." + path.substring(slash + 1), new byte[0], 0644);
        }

        public Layer opaque(String dir) {
            return file((dir.endsWith("/") ? dir : dir + "/") + ".wh..wh..opq", new byte[0], 0644);
        }

        private Layer add(TarArchiveEntry e, byte[] content) {
            e.setModTime(1_704_067_200_000L);
            entries.add(e);
            contents.add(content);
            return this;
        }

        byte[] tar() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (int i = 0; i < entries.size(); i++) {
                    tar.putArchiveEntry(entries.get(i));
                    if (contents.get(i) != null) {
                        tar.write(contents.get(i));
                    }
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    private record Blob(String mediaType, Path file, String diffId) {}

    private final List<Blob> layers = new ArrayList<>();
    private String architecture = "amd64";
    private String created = "2024-01-01T00:00:00Z";

    public static Layer layer() {
        return new Layer();
    }

    public LayeredImage add(Layer layer) {
        try {
            byte[] tar = layer.tar();
            Path file = Files.createTempFile("stella-layer-", ".blob");
            file.toFile().deleteOnExit();
            try (OutputStream out = compress(Files.newOutputStream(file), layer.compression)) {
                out.write(tar);
            }
            String mediaType = layer.mediaTypeOverride != null ? layer.mediaTypeOverride : layer.compression.mediaType;
            layers.add(new Blob(mediaType, file, "sha256:" + java.util.HexFormat.of().formatHex(
                    OciLayout.sha256().digest(tar))));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gzip'd tarball (e.g. an Alpine minirootfs) taken as a layer byte for byte. */
    public LayeredImage addTarGz(Path tarGz, String diffId) {
        layers.add(new Blob(Compression.GZIP.mediaType, tarGz, diffId));
        return this;
    }

    /** The config's {@code created} time (RFC 3339), or null to leave it out. */
    public LayeredImage created(String created) {
        this.created = created;
        return this;
    }

    public LayeredImage architecture(String architecture) {
        this.architecture = architecture;
        return this;
    }

    /** Writes the layout and returns its directory; the image is tagged {@code refName}. */
    public Path writeLayout(Path dir, String refName) {
        try {
            OciLayout layout = new OciLayout(dir);
            List<Map<String, Object>> layerJson = new ArrayList<>();
            List<String> diffIds = new ArrayList<>();
            for (Blob blob : layers) {
                OciLayout.Descriptor d = layout.write(blob.mediaType(), out -> {
                    try (InputStream in = Files.newInputStream(blob.file())) {
                        in.transferTo(out);
                    }
                });
                layerJson.add(d.toJson());
                diffIds.add(blob.diffId());
            }
            Map<String, Object> config = new LinkedHashMap<>();
            if (created != null) {
                config.put("created", created);
            }
            config.put("architecture", architecture);
            config.put("os", "linux");
            config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
            OciLayout.Descriptor configDescriptor = layout.writeJson(OciLayout.CONFIG, config);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", OciLayout.MANIFEST);
            manifest.put("config", configDescriptor.toJson());
            manifest.put("layers", layerJson);
            layout.writeIndexJson(layout.writeJson(OciLayout.MANIFEST, manifest), refName);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream compress(OutputStream out, Compression compression) throws IOException {
        return switch (compression) {
            case GZIP -> new GZIPOutputStream(out);
            case ZSTD -> new ZstdOutputStream(out);
            case NONE -> out;
        };
    }
}
