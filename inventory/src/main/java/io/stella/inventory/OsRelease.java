package io.stella.inventory;

/**
 * The distribution of an image's root file system.
 *
 * @param id        lower-case distribution id as in os-release {@code ID} (alpine, debian, ubuntu, rhel,
 *                  centos, almalinux, rocky, fedora, amzn, sles, opensuse-leap, mariner, ...)
 * @param versionId os-release {@code VERSION_ID} or the release file's version (e.g. 3.20.3, 12, 22.04)
 * @param codename  Debian/Ubuntu code name (bookworm, jammy), else null
 * @param prettyName os-release {@code PRETTY_NAME} or the release file's text
 * @param source    the file the release was read from (e.g. etc/os-release)
 */
public record OsRelease(String id, String versionId, String codename, String prettyName, String source) {

    /** {@code alpine-3.20} style value of the purl {@code distro} qualifier. */
    public String purlDistro() {
        if (versionId == null || versionId.isEmpty()) {
            return id;
        }
        String version = versionId;
        if ("alpine".equals(id)) {
            String[] parts = versionId.split("\\.");
            version = parts.length >= 2 ? parts[0] + "." + parts[1] : versionId;
        }
        return id + "-" + version;
    }
}
