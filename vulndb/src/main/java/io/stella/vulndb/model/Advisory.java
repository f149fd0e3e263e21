package io.stella.vulndb.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One vulnerability record as imported (OSV, or an Alpine secdb entry converted to the same shape).
 *
 * @param id        the record id (GHSA-..., GO-2023-..., ALSA-..., CVE-... for secdb)
 * @param aliases   other ids of the same vulnerability (CVE ids first where the record gives them)
 * @param summary   one line, or null
 * @param severity  the record's overall severity (highest CVSS base score, else the database's word),
 *                  {@link SeverityRating#UNKNOWN} when it has none
 * @param modified  the record's {@code modified} time, or null
 * @param withdrawn when the record was withdrawn, or null; withdrawn records never match
 * @param source    the name of the source it came from (e.g. {@code osv:PyPI}, {@code alpine-secdb:v3.10})
 * @param references advisory URLs
 */
public record Advisory(String id, List<String> aliases, String summary, SeverityRating severity,
                       Instant published, Instant modified, Instant withdrawn, String source,
                       List<String> references) {
    public Advisory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        references = references == null ? List.of() : List.copyOf(references);
        severity = severity == null ? SeverityRating.UNKNOWN : severity;
    }
}
