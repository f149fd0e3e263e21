package io.stella.image.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The parts of an OCI/Docker image config stella reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ImageConfigJson(String architecture, String os, String variant, String created, RootFs rootfs) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {}

    String platform() {
        if (os == null || architecture == null) {
            return null;
        }
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }

    List<String> diffIds() {
        return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
    }
}
