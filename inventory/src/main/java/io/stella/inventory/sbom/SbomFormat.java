package io.stella.inventory.sbom;

import java.util.Arrays;
import java.util.Optional;

/** The SBOM formats stella writes, by the name the CLI accepts ({@code --format cyclonedx-json}). */
public enum SbomFormat {
    /** CycloneDX 1.6, JSON. */
    CYCLONEDX_JSON("cyclonedx-json"),
    /** SPDX 2.3, JSON. */
    SPDX_JSON("spdx-json");

    private final String id;

    SbomFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SbomFormat> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
