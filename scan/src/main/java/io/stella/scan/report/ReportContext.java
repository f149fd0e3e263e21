package io.stella.scan.report;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What writers need besides the report: the clock for document creation times and the source of document
 * ids (CycloneDX serial number, SPDX namespace). Tests pass fixed ones for reproducible output.
 */
public record ReportContext(Clock clock, Supplier<UUID> uuids, String toolVersion) {
    public ReportContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(uuids, "uuids");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    public static ReportContext system(String toolVersion) {
        return new ReportContext(Clock.systemUTC(), UUID::randomUUID, toolVersion);
    }
}
