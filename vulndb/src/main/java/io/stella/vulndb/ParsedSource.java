package io.stella.vulndb;

import io.stella.vulndb.store.SourceData;
import java.util.List;

/**
 * A source read and converted, not yet stored.
 *
 * @param gitRangesSkipped   OSV GIT ranges, which stella cannot evaluate against package versions
 * @param notAffectedSkipped Alpine secdb entries under version "0" (the package is not affected): not stored
 */
public record ParsedSource(SourceData data, List<InvalidRecord> invalid, int gitRangesSkipped, int notAffectedSkipped) {
    public ParsedSource {
        invalid = List.copyOf(invalid);
    }
}
