package io.stella.inventory.sbom;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

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
}
