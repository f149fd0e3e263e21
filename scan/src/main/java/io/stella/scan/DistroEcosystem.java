package io.stella.scan;

import io.stella.inventory.OsRelease;
import java.util.Locale;
import java.util.Optional;

/**
 * The OSV ecosystem of a distribution release: the inventory gives the family ({@code Alpine},
 * {@code Debian}, {@code AlmaLinux}); the vulnerability database names releases ({@code Alpine:v3.20},
 * {@code Debian:12}, {@code AlmaLinux:9}, {@code openSUSE:Leap 15.5}).
 */
final class DistroEcosystem {
    private DistroEcosystem() {
    }

    /** The release ecosystem, or the bare family when the release is unknown (which no database covers). */
    static String of(String family, OsRelease os) {
        Optional<String> version = Optional.ofNullable(os).map(OsRelease::versionId).filter(v -> !v.isBlank());
        if (version.isEmpty()) {
            return family;
        }
        String v = version.get();
        return switch (family) {
            case "Alpine" -> "Alpine:v" + majorMinor(v);
            case "Debian", "AlmaLinux", "Rocky Linux", "Red Hat", "Oracle Linux" -> family + ":" + major(v);
            case "Ubuntu" -> "Ubuntu:" + majorMinor(v);
            case "SUSE" -> "SUSE:Linux Enterprise Server " + suseRelease(v);
            case "openSUSE" -> os.id().toLowerCase(Locale.ROOT).contains("tumbleweed")
                    ? "openSUSE:Tumbleweed" : "openSUSE:Leap " + v;
            default -> family + ":" + v;
        };
    }

    /** {@code alpine-3.20}, {@code debian-12}: the purl {@code distro} qualifier as an OS release. */
    static Optional<OsRelease> fromPurlDistro(String distro) {
        if (distro == null || distro.isBlank()) {
            return Optional.empty();
        }
        int dash = distro.lastIndexOf('-');
        if (dash <= 0 || dash == distro.length() - 1) {
            return Optional.of(new OsRelease(distro.toLowerCase(Locale.ROOT), null, null, distro, "purl"));
        }
        String id = distro.substring(0, dash).toLowerCase(Locale.ROOT);
        String version = distro.substring(dash + 1);
        return Optional.of(new OsRelease(id, version, null, distro, "purl"));
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    /** {@code 15.5} → {@code 15 SP5}; {@code 15} → {@code 15}. */
    private static String suseRelease(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 && !parts[1].equals("0") ? parts[0] + " SP" + parts[1] : parts[0];
    }
}
