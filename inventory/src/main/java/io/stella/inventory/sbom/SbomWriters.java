package io.stella.inventory.sbom;

import io.stella.inventory.Inventory;
import io.stella.inventory.sbom.spdx.SpdxDocument;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.cyclonedx.model.Bom;

/**
 * Creates SBOM writers. The clock gives the document's creation time and the UUID supplier its serial
 * number (CycloneDX) or namespace (SPDX): production passes {@code Clock.systemUTC()} and
 * {@code UUID::randomUUID}; tests pass fixed ones for byte-for-byte reproducible output.
 */
public final class SbomWriters {
    private SbomWriters() {}

    public static SbomWriter forFormat(SbomFormat format, Clock clock, Supplier<UUID> uuids, String toolVersion) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(uuids, "uuids");
        Objects.requireNonNull(toolVersion, "toolVersion");
        return switch (format) {
            case CYCLONEDX_JSON -> new CycloneDxJsonWriter(clock, uuids, toolVersion);
            case SPDX_JSON -> new SpdxJsonWriter(clock, uuids, toolVersion);
        };
    }

    /** The CycloneDX model the {@code cyclonedx-json} writer serialises, for writers that add to it (vulnerability reports). */
    public static Bom cycloneDxBom(Inventory inventory, Clock clock, Supplier<UUID> uuids, String toolVersion) {
        return new CycloneDxBomBuilder(clock, uuids, toolVersion).build(inventory);
    }

    /** The SPDX document the {@code spdx-json} writer serialises, for writers that add to it (vulnerability reports). */
    public static SpdxDocument spdxDocument(Inventory inventory, Clock clock, Supplier<UUID> uuids, String toolVersion) {
        return new SpdxDocumentBuilder(clock, uuids, toolVersion).build(inventory);
    }
}
