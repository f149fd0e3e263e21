package io.stella.registry.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.manifest.Descriptor;
import io.stella.registry.manifest.ImageIndex;
import io.stella.registry.manifest.ImageManifest;
import io.stella.registry.manifest.Manifest;
import io.stella.registry.manifest.PlatformSelector;
import io.stella.registry.wire.ImageConfigJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reference → (index →) image manifest for a platform → platform read from the config blob. */
final class ImageResolver {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int MAX_CONFIG_BYTES = 8 * 1024 * 1024;

    private ImageResolver() {
    }

    static ResolvedImage resolve(RegistrySession session, ImageReference ref, Optional<Platform> platform) {
        Manifest top = ManifestPuller.pull(session, ref.repository(), ref.manifestReference());
        return switch (top) {
            case ImageManifest image -> {
                ImageConfigJson config = config(session, ref.repository(), image);
                yield new ResolvedImage(ref, image.digest(), Optional.empty(), image, platformOf(config), createdOf(config));
            }
            case ImageIndex index -> {
                Descriptor chosen;
                try {
                    chosen = PlatformSelector.select(index, platform, "index " + ref);
                } catch (RegistryException e) {
                    throw e.withContext(ref.registry(), ref.repository(), java.util.Map.of());
                }
                Manifest inner = ManifestPuller.pull(session, ref.repository(), chosen.digest());
                if (!(inner instanceof ImageManifest image)) {
                    throw RegistryException.builder(FailureCode.MANIFEST_UNSUPPORTED,
                                    "index " + ref + " points at another index (" + chosen.digest() + ") for its platform")
                            .registry(ref.registry()).repository(ref.repository()).build();
                }
                ImageConfigJson config = config(session, ref.repository(), image);
                Platform p = chosen.platform().orElseGet(() -> platformOf(config));
                yield new ResolvedImage(ref, index.digest(), Optional.of(index), image, p, createdOf(config));
            }
        };
    }

    private static Platform platformOf(ImageConfigJson config) {
        if (config == null || config.os() == null || config.architecture() == null) {
            return new Platform("unknown", "unknown", null);
        }
        return new Platform(config.os(), config.architecture(),
                config.variant() == null || config.variant().isEmpty() ? null : config.variant());
    }

    /** An absent or unparsable {@code created} is "unknown": images built reproducibly often carry none. */
    private static Optional<Instant> createdOf(ImageConfigJson config) {
        if (config == null || config.created() == null || config.created().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(config.created()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ImageConfigJson config(RegistrySession session, String repository, ImageManifest image) {
        if (image.config().size() > MAX_CONFIG_BYTES) {
            throw RegistryException.builder(FailureCode.MANIFEST_INVALID,
                    "config blob " + image.config().digest() + " is larger than 8 MiB").registry(session.endpoint().registry())
                    .repository(repository).build();
        }
        try (InputStream in = BlobPuller.open(session, repository, image.config())) {
            return JSON.readValue(in.readAllBytes(), ImageConfigJson.class);
        } catch (BlobReadException e) {
            throw e.failure();
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.MANIFEST_INVALID,
                            "config blob " + image.config().digest() + " of " + repository + " is not valid JSON")
                    .registry(session.endpoint().registry()).repository(repository).cause(e).build();
        }
    }
}
