package io.stella.vulndb.model;

import java.util.List;
import java.util.Objects;

/**
 * One OSV {@code affected[]} entry: a package in an ecosystem, the version ranges and explicit versions
 * it is affected in.
 *
 * @param ecosystem the ecosystem exactly as the record names it ({@code Alpine:v3.10},
 *                  {@code Ubuntu:22.04:LTS}, {@code Red Hat:enterprise_linux:9::appstream}, {@code PyPI})
 * @param name      the package name as the record gives it
 * @param severity  a severity specific to this entry (distro records carry one per package), or null
 */
public record Affected(String ecosystem, String name, List<AffectedRange> ranges, List<String> versions,
                       SeverityRating severity) {
    public Affected {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
