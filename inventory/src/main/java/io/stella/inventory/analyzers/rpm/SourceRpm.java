package io.stella.inventory.analyzers.rpm;

import java.util.Optional;

/**
 * A source package named by a binary package's SOURCERPM tag.
 *
 * @param versionRelease {@code version-release}, without epoch
 */
record SourceRpm(String name, String versionRelease) {

    /**
     * Splits {@code name-version-release.src.rpm} (or {@code .nosrc.rpm}) at its last two hyphens; version and
     * release never contain one, names may. Empty when the file name does not have that shape.
     */
    static Optional<SourceRpm> parse(String fileName) {
        String base;
        if (fileName.endsWith(".src.rpm")) {
            base = fileName.substring(0, fileName.length() - ".src.rpm".length());
        } else if (fileName.endsWith(".nosrc.rpm")) {
            base = fileName.substring(0, fileName.length() - ".nosrc.rpm".length());
        } else {
            return Optional.empty();
        }
        int releaseDash = base.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : base.lastIndexOf('-', releaseDash - 1);
        if (versionDash <= 0 || releaseDash == versionDash + 1 || releaseDash == base.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new SourceRpm(base.substring(0, versionDash), base.substring(versionDash + 1)));
    }
}
