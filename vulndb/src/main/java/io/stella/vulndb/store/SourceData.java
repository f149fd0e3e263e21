package io.stella.vulndb.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything one source contributes to the database; importing it replaces the source's previous records.
 *
 * @param name   stable source name ({@code osv:PyPI}, {@code alpine-secdb:v3.10})
 * @param origin the path or URL it was read from
 * @param sha256 digest of the imported file, or null for a directory
 */
public record SourceData(String name, String origin, String sha256, List<ImportedAdvisory> advisories) {
    public SourceData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        advisories = List.copyOf(advisories);
    }
}
