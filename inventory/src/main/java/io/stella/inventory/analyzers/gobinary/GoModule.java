package io.stella.inventory.analyzers.gobinary;

/**
 * A module line of the build information ({@code mod} or {@code dep}).
 *
 * @param path        module path
 * @param version     module version ({@code (devel)} for an unversioned main module, "" for a local replacement)
 * @param sum         go.sum hash, "" when absent
 * @param replacement the {@code =>} line that replaced it, or null
 */
public record GoModule(String path, String version, String sum, GoModule replacement) {
    GoModule withReplacement(GoModule replacement) {
        return new GoModule(path, version, sum, replacement);
    }

    /** The module whose code was actually built: the replacement when there is one. */
    public GoModule effective() {
        return replacement == null ? this : replacement;
    }
}
