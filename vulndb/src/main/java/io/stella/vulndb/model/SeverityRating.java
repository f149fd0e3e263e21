package io.stella.vulndb.model;

import java.util.Objects;

/**
 * A severity as a source rated it.
 *
 * @param severity the qualitative severity
 * @param score    the base score (CVSS), or null when the source gives only a word
 * @param vector   the CVSS vector ({@code CVSS:3.1/AV:N/...}, {@code CVSS:4.0/...}), or null
 */
public record SeverityRating(Severity severity, Double score, String vector) {
    public SeverityRating {
        Objects.requireNonNull(severity, "severity");
    }

    public static final SeverityRating UNKNOWN = new SeverityRating(Severity.UNKNOWN, null, null);
}
