package io.stella.inventory.analyzers.rpm;

/**
 * The fields of one installed package's rpm header that the inventory uses.
 *
 * @param epoch     the EPOCH tag, null when the header has none (rpm prints {@code (none)})
 * @param arch      null when absent, as for the {@code gpg-pubkey} pseudo-packages
 * @param sourceRpm the SOURCERPM file name, e.g. {@code util-linux-2.32.1-42.el8_8.src.rpm}, or null
 * @param license   null when absent
 */
record RpmHeader(String name, Long epoch, String version, String release, String arch, String sourceRpm,
        String license) {}
