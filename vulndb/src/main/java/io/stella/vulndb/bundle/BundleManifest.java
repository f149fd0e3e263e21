package io.stella.vulndb.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code manifest.json} of an offline bundle. The manifest's own digest is stored in {@code manifest.sha256},
 * so an edited manifest is caught as well as an edited part.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleManifest(@JsonProperty("format_version") int formatVersion,
                             @JsonProperty("built_at") String builtAt,
                             List<Source> sources,
                             List<Part> parts) {
    public static final int FORMAT_VERSION = 1;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String name, String origin, @JsonProperty("imported_at") String importedAt, long records) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Part(String name, long size, String sha256) {
    }
}
