package io.stella.vulndb.version;

import java.util.Set;

/**
 * How one ecosystem orders its versions. Implementations are found through ServiceLoader
 * ({@code META-INF/services/io.stella.vulndb.version.VersionScheme}); {@link VersionSchemes} picks the one
 * whose {@link #ecosystems()} contains an ecosystem's family.
 */
public interface VersionScheme {
    /** Short name: dpkg, rpm, apk, maven, semver, go, npm, pep440, rubygems, nuget, packagist ... */
    String id();

    /** OSV ecosystem families this scheme orders ({@code Debian}, {@code Ubuntu}, {@code PyPI} ...). */
    Set<String> ecosystems();

    /**
     * Compares two versions: negative, zero or positive as {@code a} is older than, equal to or newer
     * than {@code b}. Antisymmetric: {@code signum(compare(a, b)) == -signum(compare(b, a))}.
     *
     * @throws InvalidVersionException when either version is not valid in this scheme
     */
    int compare(String a, String b) throws InvalidVersionException;

    /** True when the scheme can order this version. */
    default boolean isValid(String version) {
        try {
            compare(version, version);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
