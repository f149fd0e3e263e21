package io.stella.image.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.image.ImageMetadata;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.layer.Compression;
import io.stella.image.layer.EntryPaths;
import io.stella.image.layer.TarLayerReader;
import io.stella.registry.blob.Digests;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A {@code docker save} archive, plain or gzip'd, in the classic layout ({@code <id>/layer.tar}) or the
 * OCI-style layout of Docker 25+ ({@code blobs/sha256/<hex>}), read in one pass: {@code manifest.json}
 * usually comes last, so every entry that is a tar is read as a layer when it passes and the manifest
 * orders them afterwards. Layer content is checked against the config's {@code diff_ids}.
 */
public final class DockerArchiveSource implements ImageSource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int MAX_JSON_BYTES = 8 << 20;
    private static final int TAR_MAGIC_OFFSET = 257;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ManifestEntry(@JsonProperty("Config") String config, @JsonProperty("RepoTags") List<String> repoTags,
                         @JsonProperty("Layers") List<String> layers) {}

    private final Path archive;
    private final TarLayerReader reader;
    private final Map<String, byte[]> jsonEntries = new HashMap<>();
    private final Map<String, String> diffIdByEntry = new HashMap<>();
    private ImageMetadata metadata;

    public DockerArchiveSource(Path archive, LayerLimits limits) {
        this.archive = archive;
        this.reader = new TarLayerReader(limits);
        if (!Files.isRegularFile(archive)) {
            throw SourceFailures.invalid(archive.toString(), "no such file");
        }
    }

    @Override
    public void walk(LayerVisitor visitor) throws IOException {
        try (BufferedInputStream file = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024)) {
            InputStream plain = Compression.sniff(file) == Compression.GZIP ? new GZIPInputStream(file, 64 * 1024) : file;
            TarArchiveInputStream outer = new TarArchiveInputStream(plain);
            TarArchiveEntry entry;
            while ((entry = nextEntry(outer)) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = EntryPaths.normalise(entry.getName()).path();
                if (name == null) {
                    continue;
                }
                BufferedInputStream content = new BufferedInputStream(outer, 64 * 1024);
                if (looksLikeTar(content)) {
                    LayerRef layer = new LayerRef(name, null, null, null, entry.getSize());
                    visitor.startLayer(layer);
                    try {
                        TarLayerReader.Result result = reader.read(layer, content, visitor);
                        diffIdByEntry.put(name, result.diffId());
                    } finally {
                        visitor.endLayer(layer);
                    }
                } else if (entry.getSize() <= MAX_JSON_BYTES) {
                    byte[] bytes = content.readAllBytes();
                    if (bytes.length > 0 && bytes[0] == '[' || bytes.length > 0 && bytes[0] == '{') {
                        jsonEntries.put(name, bytes);
                    }
                }
            }
        }
        metadata = buildMetadata();
    }

    private TarArchiveEntry nextEntry(TarArchiveInputStream outer) {
        try {
            return outer.getNextEntry();
        } catch (IOException e) {
            throw SourceFailures.invalid(archive.toString(), "not a readable docker archive (" + e.getMessage() + ")", e);
        }
    }

    private static boolean looksLikeTar(BufferedInputStream in) throws IOException {
        in.mark(TAR_MAGIC_OFFSET + 8);
        byte[] head = in.readNBytes(TAR_MAGIC_OFFSET + 5);
        in.reset();
        if (head.length >= 4 && Compression.sniff(in) != Compression.NONE) {
            return true;
        }
        return head.length == TAR_MAGIC_OFFSET + 5
                && new String(head, TAR_MAGIC_OFFSET, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    private ImageMetadata buildMetadata() {
        byte[] manifestBytes = jsonEntries.get("manifest.json");
        if (manifestBytes == null) {
            throw SourceFailures.invalid(archive.toString(), "no manifest.json: not a docker save archive "
                    + "(for a root file system tar use --rootfs)");
        }
        List<ManifestEntry> entries;
        try {
            entries = List.of(JSON.readValue(manifestBytes, ManifestEntry[].class));
        } catch (IOException e) {
            throw SourceFailures.invalid(archive + "!manifest.json", "not valid JSON (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty() || entries.get(0).layers() == null || entries.get(0).config() == null) {
            throw SourceFailures.invalid(archive + "!manifest.json", "no image with Config and Layers");
        }
        ManifestEntry image = entries.get(0);
        byte[] configBytes = jsonEntries.get(image.config());
        ImageConfigJson config = null;
        if (configBytes != null) {
            try {
                config = JSON.readValue(configBytes, ImageConfigJson.class);
            } catch (IOException e) {
                throw SourceFailures.invalid(archive + "!" + image.config(), "the image config is not valid JSON", e);
            }
        }
        List<String> expectedDiffIds = config == null ? List.of() : config.diffIds();
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < image.layers().size(); i++) {
            String entry = EntryPaths.normalise(image.layers().get(i)).path();
            if (!diffIdByEntry.containsKey(entry)) {
                throw SourceFailures.invalid(archive.toString(), "manifest.json names layer " + entry
                        + ", which the archive does not hold as a tar");
            }
            String actual = diffIdByEntry.get(entry);
            String expected = i < expectedDiffIds.size() ? expectedDiffIds.get(i) : null;
            if (actual != null && expected != null && !actual.equals(expected)) {
                throw RegistryException.builder(FailureCode.LAYER_CORRUPT, "layer " + entry + " in " + archive
                                + " hashes to " + actual + ", but the image config gives " + expected)
                        .evidence("layer", entry)
                        .evidence("expected_diff_id", expected)
                        .evidence("actual_diff_id", actual)
                        .build();
            }
            layers.add(new LayerRef(entry, null, actual != null ? actual : expected, null, -1));
        }
        String digest = configBytes == null ? null : Digests.sha256(configBytes);
        return new ImageMetadata(archive.toString(), digest, config == null ? null : config.platform(), layers, false);
    }

    /** Known only after {@link #walk}: the archive's manifest comes at its end. */
    @Override
    public ImageMetadata metadata() {
        if (metadata == null) {
            throw new IllegalStateException("metadata of a docker archive is known after walk()");
        }
        return metadata;
    }
}
