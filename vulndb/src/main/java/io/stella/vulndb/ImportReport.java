package io.stella.vulndb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one source's import did.
 *
 * @param recordsPerEcosystem advisories stored per ecosystem as the records name it (an advisory affecting
 *                            two ecosystems counts in both)
 * @param advisories          advisories stored (withdrawn ones included: they are kept, never matched)
 * @param invalid             records that were not imported, with the reason
 * @param gitRangesSkipped    GIT ranges dropped (commit ranges cannot be evaluated against versions)
 * @param withdrawn           withdrawn advisories among those stored
 * @param notAffectedSkipped  Alpine secdb "0" entries: the package is not affected, nothing is stored
 */
public record ImportReport(String source, String origin, Map<String, Long> recordsPerEcosystem, int advisories,
                           List<InvalidRecord> invalid, int gitRangesSkipped, int withdrawn,
                           int notAffectedSkipped, Duration duration) {
    public ImportReport {
        recordsPerEcosystem = java.util.Collections.unmodifiableMap(new TreeMap<>(recordsPerEcosystem));
        invalid = List.copyOf(invalid);
    }
}
