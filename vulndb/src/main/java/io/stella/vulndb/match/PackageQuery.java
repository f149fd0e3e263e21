package io.stella.vulndb.match;

import java.util.Objects;

/**
 * One installed package as the matcher sees it.
 *
 * @param ecosystem OSV ecosystem with its release where it has one ({@code Alpine:v3.10}, {@code Debian:12},
 *                  {@code PyPI}); null when the package's ecosystem is not known
 * @param name      the name to look up: for distribution packages the source package ({@code origin},
 *                  {@code Source:}, the source rpm's name), else the package's own name
 * @param version   the installed version to compare (for Go without the {@code v} prefix)
 * @param key       the caller's handle for the package, returned in findings
 */
public record PackageQuery(String ecosystem, String name, String version, int key) {
    public PackageQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
