package io.stella.inventory.analysis;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Gives a package its OSV ecosystem and its package-url, which for OS packages depend on the distribution. */
final class PackageIdentity {
    private static final Map<String, String> RPM_ECOSYSTEMS = Map.ofEntries(
            Map.entry("rhel", "Red Hat"), Map.entry("centos", "Red Hat"), Map.entry("almalinux", "AlmaLinux"),
            Map.entry("rocky", "Rocky Linux"), Map.entry("sles", "SUSE"), Map.entry("sled", "SUSE"),
            Map.entry("sle-micro", "SUSE"), Map.entry("opensuse-leap", "openSUSE"),
            Map.entry("opensuse-tumbleweed", "openSUSE"), Map.entry("mariner", "Mariner"),
            Map.entry("azurelinux", "Azure Linux"), Map.entry("fedora", "Fedora"), Map.entry("amzn", "Amazon Linux"),
            Map.entry("ol", "Oracle Linux"));
    /** purl namespaces for rpm distributions, as the purl spec's examples and Trivy write them. */
    private static final Map<String, String> RPM_NAMESPACES = Map.of(
            "rhel", "redhat", "sles", "suse", "sled", "suse", "opensuse-leap", "opensuse",
            "opensuse-tumbleweed", "opensuse", "amzn", "amazon", "ol", "oracle");

    private PackageIdentity() {}

    static Package identify(Package pkg, OsRelease os) {
        return pkg.withIdentity(ecosystem(pkg.type(), os), purl(pkg, os));
    }

    static String ecosystem(PackageType type, OsRelease os) {
        if (type.ecosystem() != null) {
            return type.ecosystem();
        }
        if (os == null) {
            return type == PackageType.DEB ? "Debian" : null;
        }
        if (type == PackageType.DEB) {
            return os.id().equals("ubuntu") ? "Ubuntu" : "Debian";
        }
        return RPM_ECOSYSTEMS.getOrDefault(os.id(), os.id());
    }

    static String purl(Package pkg, OsRelease os) {
        String namespace = null;
        String name = pkg.name();
        String version = pkg.version();
        TreeMap<String, String> qualifiers = new TreeMap<>();
        switch (pkg.type()) {
            case APK -> namespace = os != null ? os.id() : "alpine";
            case DEB -> namespace = os != null ? os.id() : "debian";
            case RPM -> {
                namespace = os != null ? RPM_NAMESPACES.getOrDefault(os.id(), os.id()) : null;
                int colon = version.indexOf(':');
                if (colon > 0) {
                    qualifiers.put("epoch", version.substring(0, colon));
                    version = version.substring(colon + 1);
                }
            }
            case MAVEN -> {
                int colon = name.indexOf(':');
                if (colon > 0) {
                    namespace = name.substring(0, colon);
                    name = name.substring(colon + 1);
                }
            }
            case NPM, GOLANG -> {
                int slash = name.lastIndexOf('/');
                if (slash > 0) {
                    namespace = name.substring(0, slash);
                    name = name.substring(slash + 1);
                }
            }
            case PYPI -> name = name.toLowerCase(Locale.ROOT).replace('_', '-');
            default -> { }
        }
        if (pkg.type().osPackage()) {
            if (pkg.arch() != null && !pkg.arch().isEmpty()) {
                qualifiers.put("arch", pkg.arch());
            }
            if (os != null) {
                qualifiers.put("distro", os.purlDistro());
            }
        }
        try {
            return new PackageURL(pkg.type().purlType(), namespace, name, version.isEmpty() ? null : version,
                    qualifiers.isEmpty() ? null : qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null; // e.g. a name with characters purl forbids; the package is still listed
        }
    }
}
