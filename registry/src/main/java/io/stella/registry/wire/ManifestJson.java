package io.stella.registry.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The JSON of OCI/Docker manifests and indexes (and enough of schema 1 to recognise it). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestJson(Integer schemaVersion, String mediaType, DescriptorJson config, List<DescriptorJson> layers,
                           List<DescriptorJson> manifests, List<Object> fsLayers) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DescriptorJson(String mediaType, String digest, Long size, PlatformJson platform, List<String> urls,
                                 Map<String, String> annotations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlatformJson(String os, String architecture, String variant) {
    }
}
