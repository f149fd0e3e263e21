package io.stella.registry.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Platform;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.wire.ManifestJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Converts manifest bytes (wire JSON) into {@link Manifest} records, refusing what stella cannot read. */
public final class ManifestParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ManifestParser() {
    }

    /**
     * @param contentType the Content-Type the registry sent, or null
     * @param where       what was fetched, for messages
     */
    public static Manifest parse(byte[] bytes, String contentType, String digest, String where) {
        ManifestJson json;
        try {
            json = JSON.readValue(bytes, ManifestJson.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(where, "it is not valid JSON (" + e.getOriginalMessage() + ")", digest);
        } catch (IOException e) {
            throw invalid(where, "it cannot be read (" + e.getMessage() + ")", digest);
        }
        if (json == null) {
            throw invalid(where, "it is empty", digest);
        }
        String mediaType = mediaType(contentType, json);
        if (MediaTypes.SCHEMA1.contains(mediaType) || Integer.valueOf(1).equals(json.schemaVersion())) {
            throw unsupportedSchema1(where, mediaType, digest);
        }
        if (MediaTypes.INDEXES.contains(mediaType)) {
            if (json.manifests() == null) {
                throw invalid(where, "the index has no 'manifests' array", digest);
            }
            List<Descriptor> entries = new ArrayList<>();
            for (ManifestJson.DescriptorJson d : json.manifests()) {
                entries.add(descriptor(d, where, digest));
            }
            return new ImageIndex(mediaType, digest, bytes.length, entries);
        }
        if (MediaTypes.IMAGES.contains(mediaType)) {
            if (json.config() == null) {
                throw invalid(where, "the manifest has no 'config'", digest);
            }
            List<Descriptor> layers = new ArrayList<>();
            for (ManifestJson.DescriptorJson d : json.layers() == null ? List.<ManifestJson.DescriptorJson>of() : json.layers()) {
                layers.add(descriptor(d, where, digest));
            }
            return new ImageManifest(mediaType, digest, bytes.length, descriptor(json.config(), where, digest), layers);
        }
        throw RegistryException.builder(FailureCode.MANIFEST_UNSUPPORTED,
                        where + " has media type '" + mediaType + "', which is not an image manifest or index")
                .evidence("media_type", mediaType)
                .evidence("digest", digest)
                .hint("stella reads OCI image manifests/indexes and Docker schema 2 manifests/lists; this may be an "
                        + "artifact (Helm chart, signature) rather than a container image.")
                .build();
    }

    public static RegistryException unsupportedSchema1(String where, String mediaType, String digest) {
        return RegistryException.builder(FailureCode.MANIFEST_UNSUPPORTED,
                        where + " is a Docker schema 1 manifest, which stella does not read")
                .evidence("media_type", mediaType)
                .evidence("digest", digest)
                .build();
    }

    private static String mediaType(String contentType, ManifestJson json) {
        String fromHeader = contentType == null ? null : contentType.split(";")[0].strip();
        if (json.mediaType() != null && !json.mediaType().isBlank()) {
            return json.mediaType();
        }
        if (fromHeader != null && !fromHeader.isEmpty() && !fromHeader.equals("application/json")) {
            return fromHeader;
        }
        // OCI allows omitting mediaType: decide by shape.
        if (json.manifests() != null) {
            return MediaTypes.OCI_INDEX;
        }
        if (json.config() != null) {
            return MediaTypes.OCI_MANIFEST;
        }
        return fromHeader == null ? "(none)" : fromHeader;
    }

    private static Descriptor descriptor(ManifestJson.DescriptorJson d, String where, String digest) {
        if (d.digest() == null || !d.digest().matches("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+")) {
            throw invalid(where, "a descriptor has a missing or malformed digest '" + d.digest() + "'", digest);
        }
        if (d.size() == null || d.size() < 0) {
            throw invalid(where, "descriptor " + d.digest() + " has no valid size", digest);
        }
        Optional<Platform> platform = Optional.ofNullable(d.platform())
                .filter(p -> p.os() != null && p.architecture() != null)
                .map(p -> new Platform(p.os(), p.architecture(), p.variant() == null || p.variant().isEmpty() ? null : p.variant()));
        return new Descriptor(d.mediaType(), d.digest(), d.size(), platform, d.urls(), d.annotations());
    }

    private static RegistryException invalid(String where, String why, String digest) {
        return RegistryException.builder(FailureCode.MANIFEST_INVALID, where + " cannot be read: " + why)
                .evidence("digest", digest)
                .build();
    }
}
