package io.stella.registry.manifest;

import io.stella.registry.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A content descriptor: media type, digest, size, and for index entries the platform. */
public record Descriptor(String mediaType, String digest, long size, Optional<Platform> platform, List<String> urls,
                         Map<String, String> annotations) {

    public Descriptor {
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
