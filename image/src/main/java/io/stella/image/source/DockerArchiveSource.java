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
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A {@code docker save} archive, plain or gzip'd, in the classic layout ({@code <id>/layer.tar}) or the
 * OCI-style layout of Docker 25+ ({@code blobs/sha256/<hex>}). A plain tar is read by offsets: headers
 * first, then the layers the manifest names, several at once. A gzip'd one can only be read in one pass:
 * {@code manifest.json} usually comes last, so every entry that is a tar is read as a layer when it passes
 * and the manifest orders them afterwards. Layer content is checked against the config's {@code diff_ids}.
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
    private final LayerLimits limits;
    private final Map<String, byte[]> jsonEntries = new HashMap<>();
    private final Map<String, String> diffIdByEntry = new HashMap<>();
    /** Entries that are symlinks to another entry: older docker versions link duplicate layers. */
    private final Map<String, String> links = new HashMap<>();
    private ImageMetadata metadata;

    public DockerArchiveSource(Path archive, LayerLimits limits) {
        this.archive = archive;
        this.reader = new TarLayerReader(limits);
        this.limits = limits;
        if (!Files.isRegularFile(archive)) {
            throw SourceFailures.invalid(archive.toString(), "no such file");
        }
    }

    @Override
    public void walk(LayerVisitor visitor) throws IOException {
        boolean gzip;
        try (BufferedInputStream head = new BufferedInputStream(Files.newInputStream(archive))) {
            gzip = Compression.sniff(head) == Compression.GZIP;
        }
        if (gzip) {
            walkInOnePass(visitor);
        } else {
            walkByOffsets(visitor);
        }
        metadata = buildMetadata();
    }

    /**
     * A plain tar can be read where it likes: the headers first (manifest and config), then every layer
     * straight from its offset in the file, several at a time.
     */
    private void walkByOffsets(LayerVisitor visitor) throws IOException {
        Map<String, TarArchiveEntry> files = new HashMap<>();
        try (TarFile tar = new TarFile(archive)) {
            for (TarArchiveEntry entry : tar.getEntries()) {
                recordLink(entry);
                String name = entry.isFile() ? EntryPaths.normalise(entry.getName()).path() : null;
                if (name == null) {
                    continue;
                }
                files.put(name, entry);
                if (name.equals("manifest.json") || name.endsWith(".json") && entry.getSize() <= MAX_JSON_BYTES) {
                    try (InputStream in = tar.getInputStream(entry)) {
                        jsonEntries.put(name, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw SourceFailures.invalid(archive.toString(), "not a readable docker archive (" + e.getMessage() + ")", e);
        }
        ManifestEntry image = manifestEntry();
        if (!jsonEntries.containsKey(image.config()) && files.containsKey(image.config())
                && files.get(image.config()).getSize() <= MAX_JSON_BYTES) {
            try (TarFile tar = new TarFile(archive); InputStream in = tar.getInputStream(files.get(image.config()))) {
                jsonEntries.put(image.config(), in.readAllBytes()); // OCI-style archives name configs blobs/sha256/<hex>
            }
        }
        List<LayerRef> layers = new ArrayList<>();
        for (String layerName : image.layers()) {
            String name = target(EntryPaths.normalise(layerName).path());
            TarArchiveEntry entry = name == null ? null : files.get(name);
            if (entry != null && layers.stream().noneMatch(l -> l.key().equals(name))) {
                layers.add(new LayerRef(name, null, null, null, entry.getSize()));
            }
        }
        Map<String, String> diffIds = new LayerWalk(limits).walkAll(layers, layer -> {
            TarArchiveEntry entry = files.get(layer.key());
            FileChannel channel = FileChannel.open(archive).position(entry.getDataOffset());
            return BoundedInputStream.builder().setInputStream(Channels.newInputStream(channel))
                    .setMaxCount(entry.getSize()).get();
        }, visitor, Runtime.getRuntime().availableProcessors());
        diffIdByEntry.putAll(diffIds);
    }

    private void walkInOnePass(LayerVisitor visitor) throws IOException {
        try (BufferedInputStream file = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024)) {
            InputStream plain = Compression.sniff(file) == Compression.GZIP ? new GZIPInputStream(file, 64 * 1024) : file;
            TarArchiveInputStream outer = new TarArchiveInputStream(plain);
            TarArchiveEntry entry;
            while ((entry = nextEntry(outer)) != null) {
                recordLink(entry);
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
    }

    private void recordLink(TarArchiveEntry entry) {
        if (entry.isSymbolicLink() || entry.isLink()) {
            String name = EntryPaths.normalise(entry.getName()).path();
            String base = entry.isSymbolicLink() && name != null ? EntryPaths.parent(name) : "";
            String target = EntryPaths.normalise(base.isEmpty() ? entry.getLinkName()
                    : base + "/" + entry.getLinkName()).path();
            if (name != null && target != null) {
                links.put(name, target);
            }
        }
    }

    /** The entry a (possibly linked) name stands for; links of links are followed a few times at most. */
    private String target(String name) {
        String current = name;
        for (int i = 0; i < 8 && current != null && links.containsKey(current); i++) {
            current = links.get(current);
        }
        return current;
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

    private ManifestEntry manifestEntry() {
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
        return entries.get(0);
    }

    private ImageMetadata buildMetadata() {
        ManifestEntry image = manifestEntry();
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
            String entry = target(EntryPaths.normalise(image.layers().get(i)).path());
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
