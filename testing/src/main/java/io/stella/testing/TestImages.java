package io.stella.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Synthetic OCI image layouts built offline, to push with {@code skopeo copy oci:DIR:latest}, and the real alpine
 * docker-save archives from the shared test data. Images are deterministic: the same arguments give the same digests.
 */
public final class TestImages {

    private static final String CREATED = "2024-01-01T00:00:00Z";
    private static final byte[] OS_RELEASE = """
            NAME="Stella Test Linux"
            ID=stella-test
            VERSION_ID=1.0
            PRETTY_NAME="Stella Test Linux 1.0"
            """.getBytes(StandardCharsets.UTF_8);
    private static final Map<String, Path> DECOMPRESSED = new ConcurrentHashMap<>();

    private TestImages() {
    }

    /** An image platform as in OCI index entries; {@code variant} may be null. */
    public record Platform(String os, String architecture, String variant) {

        public Platform {
            Objects.requireNonNull(os);
            Objects.requireNonNull(architecture);
        }

        /** {@code os/arch[/variant]}, e.g. {@code linux/arm/v7}. */
        public static Platform parse(String text) {
            String[] parts = text.split("/");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("expected os/arch[/variant]: " + text);
            }
            return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
        }

        Map<String, Object> toJson() {
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", architecture);
            platform.put("os", os);
            if (variant != null) {
                platform.put("variant", variant);
            }
            return platform;
        }

        @Override
        public String toString() {
            return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
        }
    }

    /** A one-layer image (etc/os-release with ID=stella-test plus payload.bin) tagged "latest" in {@code dir}. */
    public static Path singleArch(Path dir, String os, String arch, String variant, long payloadBytes) {
        try {
            OciLayout layout = new OciLayout(dir);
            layout.writeIndexJson(writeImage(layout, new Platform(os, arch, variant), payloadBytes), "latest");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OCI index tagged "latest" with one image per platform, each with its own layer. */
    public static Path multiArch(Path dir, List<Platform> platforms, long payloadBytes) {
        try {
            OciLayout layout = new OciLayout(dir);
            List<Map<String, Object>> manifests = new ArrayList<>();
            for (Platform platform : platforms) {
                Map<String, Object> entry = writeImage(layout, platform, payloadBytes).toJson();
                entry.put("platform", platform.toJson());
                manifests.add(entry);
            }
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("schemaVersion", 2);
            index.put("mediaType", OciLayout.INDEX);
            index.put("manifests", manifests);
            layout.writeIndexJson(layout.writeJson(OciLayout.INDEX, index), "latest");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An uncompressed copy of the shared alpine docker-save archive ("3.10"/"310" or "3.11"/"311"), for
     * {@link Skopeo#dockerArchive(Path)}: skopeo's docker-archive transport cannot read the gzip'd originals.
     * Decompressed once per JVM into a temporary file.
     */
    public static Path alpineArchive(String version) {
        String compact = version.replace(".", "");
        if (!compact.equals("310") && !compact.equals("311")) {
            throw new IllegalArgumentException("only alpine 3.10 and 3.11 archives exist, not " + version);
        }
        Path archive = testData().resolve("images/trivy-fanal-alpine-" + compact + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("missing test archive " + archive);
        }
        return DECOMPRESSED.computeIfAbsent(compact, c -> gunzip(archive));
    }

    /**
     * The shared test-data directory: system property {@code stella.testdata}, else env {@code STELLA_TESTDATA},
     * else {@code shared/testdata} beside the project root found by walking up from the working directory.
     */
    public static Path testData() {
        String configured = Optional.ofNullable(System.getProperty("stella.testdata"))
                .orElse(System.getenv("STELLA_TESTDATA"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                return path;
            }
        }
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/testdata"), dir.resolveSibling("shared/testdata")}) {
                if (candidate != null && Files.isDirectory(candidate.resolve("images"))) {
                    return candidate.normalize();
                }
                tried.add(candidate);
            }
        }
        throw new IllegalStateException("test data not found: set -Dstella.testdata or STELLA_TESTDATA (configured: "
                + configured + "; tried " + tried + ")");
    }

    private static OciLayout.Descriptor writeImage(OciLayout layout, Platform platform, long payloadBytes)
            throws IOException {
        long seed = platform.toString().hashCode() * 31L + payloadBytes;
        MessageDigest diffId = OciLayout.sha256();
        OciLayout.Descriptor layer = layout.write(OciLayout.LAYER, out -> writeLayer(out, diffId, seed, payloadBytes));
        String diffIdText = "sha256:" + HexFormat.of().formatHex(diffId.digest());

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", CREATED);
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.put("config", Map.of("Env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(diffIdText)));
        config.put("history", List.of(Map.of("created", CREATED, "created_by", "stella TestImages " + platform)));
        OciLayout.Descriptor configBlob = layout.writeJson(OciLayout.CONFIG, config);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OciLayout.MANIFEST);
        manifest.put("config", configBlob.toJson());
        manifest.put("layers", List.of(layer.toJson()));
        return layout.writeJson(OciLayout.MANIFEST, manifest);
    }

    private static void writeLayer(OutputStream compressedOut, MessageDigest diffId, long seed, long payloadBytes)
            throws IOException {
        GZIPOutputStream gzip = new FastGzip(compressedOut);
        DigestOutputStream tarOut = new DigestOutputStream(gzip, diffId);
        TarWriter tar = new TarWriter(tarOut);
        tar.directory("etc");
        tar.file("etc/os-release", OS_RELEASE);
        tar.beginFile("payload.bin", payloadBytes);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1 << 16];
        for (long left = payloadBytes; left > 0; ) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(chunk);
            tarOut.write(chunk, 0, n);
            left -= n;
        }
        tar.endFile(payloadBytes);
        tar.finish();
        tarOut.flush();
        gzip.finish();
    }

    /** Random payloads do not compress, so the fastest level loses nothing. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static Path gunzip(Path archive) {
        try {
            Path target = Files.createTempFile("stella-" + archive.getFileName().toString().replace(".tar.gz", "-"),
                    ".tar");
            target.toFile().deleteOnExit();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16);
                 OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decompress " + archive, e);
        }
    }
}
