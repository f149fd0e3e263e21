package io.stella.vulndb.store;

import java.time.Instant;
import java.util.Map;

/**
 * One imported source, as {@code stella db status} and every report show it.
 *
 * @param name       stable source name ({@code osv:PyPI}, {@code alpine-secdb:v3.10})
 * @param origin     where it was read from (URL or path)
 * @param importedAt when it was imported into this database
 * @param newestRecord the newest {@code modified} time among its records (the data's own age), or null
 * @param records    records per ecosystem lookup key
 * @param sha256     digest of the imported file, or null for a directory
 */
public record SourceStatus(String name, String origin, Instant importedAt, Instant newestRecord,
                           Map<String, Long> records, String sha256) {
    public SourceStatus {
        records = Map.copyOf(records);
    }

    public long totalRecords() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }
}
