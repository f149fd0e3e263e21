package io.stella.image.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.image.ImageMetadata;
import io.stella.image.ImageSource;
import io.stella.image.LayerLimits;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.registry.Platform;
import io.stella.registry.blob.DigestVerifyingInputStream;
import io.stella.registry.blob.Digests;
import io.stella.registry.manifest.Descriptor;
import io.stella.registry.manifest.ImageIndex;
import io.stella.registry.manifest.ImageManifest;
import io.stella.registry.manifest.Manifest;
import io.stella.registry.manifest.ManifestParser;
import io.stella.registry.manifest.MediaTypes;
import io.stella.registry.manifest.PlatformSelector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/<alg>/<hex>}), as
 * skopeo, umoci and buildkit write it. {@code dir:ref} picks the manifest annotated with that ref name.
 */
public final class OciLayoutSource implements ImageSource {
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int MAX_JSON_BYTES = 8 << 20;

    private final Path dir;
    private final String name;
    private final ImageManifest manifest;
    private final ImageConfigJson config;
    private final LayerLimits limits;
    /** Layers read at once: decompression is CPU work, so about one per core. */
    private static final int PARALLEL_LAYERS = Runtime.getRuntime().availableProcessors();

    public OciLayoutSource(Path dir, String refName, Optional<Platform> platform, LayerLimits limits) {
        this.dir = dir;
        this.name = dir + (refName == null ? "" : ":" + refName);
        this.limits = limits;
        if (!Files.isRegularFile(dir.resolve("oci-layout")) || !Files.isRegularFile(dir.resolve("index.json"))) {
            throw SourceFailures.invalid(dir.toString(), "not an OCI image layout (no oci-layout and index.json)");
        }
        byte[] indexBytes = readSmall(dir.resolve("index.json"));
        Manifest top = ManifestParser.parse(indexBytes, MediaTypes.OCI_INDEX, Digests.sha256(indexBytes),
                dir.resolve("index.json").toString());
        if (!(top instanceof ImageIndex index)) {
            throw SourceFailures.invalid(dir.toString(), "index.json is not an image index");
        }
        this.manifest = chooseManifest(index, refName, platform);
        this.config = readConfig(manifest.config());
    }

    private ImageManifest chooseManifest(ImageIndex index, String refName, Optional<Platform> platform) {
        List<Descriptor> candidates = new ArrayList<>();
        for (Descriptor d : index.manifests()) {
            if (refName == null || refName.equals(d.annotations().get(REF_NAME))) {
                candidates.add(d);
            }
        }
        if (candidates.isEmpty()) {
            throw SourceFailures.invalid(dir.toString(), "index.json has no manifest"
                    + (refName == null ? "" : " with ref name '" + refName + "'"));
        }
        Descriptor chosen = candidates.size() == 1 ? candidates.get(0)
                : PlatformSelector.select(new ImageIndex(index.mediaType(), index.digest(), index.size(), candidates),
                        platform, dir.toString());
        Manifest m = readManifest(chosen);
        if (m instanceof ImageIndex nested) {
            m = readManifest(PlatformSelector.select(nested, platform, dir.toString()));
        }
        if (!(m instanceof ImageManifest image)) {
            throw SourceFailures.invalid(dir.toString(), "nested image indexes are not supported");
        }
        return image;
    }

    private Manifest readManifest(Descriptor d) {
        byte[] bytes = readBlobSmall(d);
        return ManifestParser.parse(bytes, d.mediaType(), d.digest(), blobPath(d.digest()).toString());
    }

    private ImageConfigJson readConfig(Descriptor d) {
        try {
            return JSON.readValue(readBlobSmall(d), ImageConfigJson.class);
        } catch (IOException e) {
            throw SourceFailures.invalid(blobPath(d.digest()).toString(), "the image config is not valid JSON", e);
        }
    }

    private byte[] readBlobSmall(Descriptor d) {
        byte[] bytes = readSmall(blobPath(d.digest()));
        String actual = Digests.of(Digests.algorithm(d.digest()), bytes);
        if (!actual.equals(d.digest())) {
            throw SourceFailures.invalid(blobPath(d.digest()).toString(), "content hashes to " + actual
                    + ", not to its name " + d.digest());
        }
        return bytes;
    }

    private byte[] readSmall(Path file) {
        try {
            if (Files.size(file) > MAX_JSON_BYTES) {
                throw SourceFailures.invalid(file.toString(), "larger than " + MAX_JSON_BYTES + " bytes for a JSON document");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw SourceFailures.invalid(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private Path blobPath(String digest) {
        int colon = digest.indexOf(':');
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (!hex.matches("[a-f0-9]+") || !algorithm.matches("[a-z0-9]+")) {
            throw SourceFailures.invalid(dir.toString(), "invalid digest " + digest);
        }
        return dir.resolve("blobs").resolve(algorithm).resolve(hex);
    }

    @Override
    public ImageMetadata metadata() {
        List<String> diffIds = config.diffIds();
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor d = manifest.layers().get(i);
            layers.add(new LayerRef(d.digest(), d.digest(), i < diffIds.size() ? diffIds.get(i) : null,
                    d.mediaType(), d.size()));
        }
        return new ImageMetadata(name, manifest.digest(), config.platform(), layers, false);
    }

    @Override
    public void walk(LayerVisitor visitor) throws IOException {
        walk(visitor, layer -> true);
    }

    @Override
    public void walk(LayerVisitor visitor, java.util.function.Predicate<LayerRef> wanted) throws IOException {
        new LayerWalk(limits).walkAll(metadata().layers().stream().filter(wanted).toList(), this::openLayer, visitor,
                PARALLEL_LAYERS);
    }

    private InputStream openLayer(LayerRef layer) throws IOException {
        Path blob = blobPath(layer.digest());
        if (!Files.isRegularFile(blob)) {
            throw SourceFailures.invalid(dir.toString(), "layer blob " + layer.digest() + " is missing");
        }
        return new DigestVerifyingInputStream(Files.newInputStream(blob), layer.digest(), layer.size(),
                "layer " + layer.digest() + " in " + dir);
    }
}
