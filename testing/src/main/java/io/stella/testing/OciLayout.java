package io.stella.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes content-addressed blobs and {@code index.json} of an OCI image layout directory. */
final class OciLayout {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Path dir;
    private final Path blobs;
    private final ObjectMapper json = new ObjectMapper();

    record Descriptor(String mediaType, String digest, long size) {
        Map<String, Object> toJson() {
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("mediaType", mediaType);
            descriptor.put("digest", digest);
            descriptor.put("size", size);
            return descriptor;
        }
    }

    /** Something that writes a blob's bytes to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    OciLayout(Path dir) throws IOException {
        this.dir = dir;
        this.blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    Descriptor writeJson(String mediaType, Object value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(value);
        return write(mediaType, out -> out.write(bytes));
    }

    /** Streams the content into a blob, named by the sha256 of exactly the bytes written. */
    Descriptor write(String mediaType, Content content) throws IOException {
        MessageDigest sha256 = sha256();
        Path temp = Files.createTempFile(blobs, "incoming-", ".tmp");
        long size;
        try (CountingOutputStream counter = new CountingOutputStream(
                new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), sha256))) {
            content.writeTo(counter);
            counter.flush();
            size = counter.count();
        }
        String hex = HexFormat.of().formatHex(sha256.digest());
        Files.move(temp, blobs.resolve(hex), StandardCopyOption.REPLACE_EXISTING);
        return new Descriptor(mediaType, "sha256:" + hex, size);
    }

    /** {@code index.json} listing one image (manifest or index) under the given ref name. */
    void writeIndexJson(Descriptor top, String refName) throws IOException {
        Map<String, Object> entry = top.toJson();
        entry.put("annotations", Map.of(REF_NAME, refName));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        index.put("manifests", List.of(entry));
        Files.write(dir.resolve("index.json"), json.writeValueAsBytes(index));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts bytes passing through, to learn a blob's size while streaming it. */
    static final class CountingOutputStream extends FilterOutputStream {

        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
