package io.stella.scan.sbom;

import com.github.packageurl.PackageURL;
import io.stella.inventory.Package;
import io.stella.inventory.PackageType;
import io.stella.inventory.sbom.BomProperties;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns an SBOM entry's package-url into an inventory package, named as stella's analyzers name them. */
final class PurlPackages {
    /** OSV ecosystems of rpm distributions by purl namespace (as the purl spec and Trivy write them). */
    private static final Map<String, String> RPM_ECOSYSTEMS = Map.ofEntries(
            Map.entry("redhat", "Red Hat"), Map.entry("centos", "Red Hat"), Map.entry("almalinux", "AlmaLinux"),
            Map.entry("rocky", "Rocky Linux"), Map.entry("suse", "SUSE"), Map.entry("opensuse", "openSUSE"),
            Map.entry("mariner", "Mariner"), Map.entry("azurelinux", "Azure Linux"), Map.entry("fedora", "Fedora"),
            Map.entry("amazon", "Amazon Linux"), Map.entry("oracle", "Oracle Linux"));

    private PurlPackages() {
    }

    static Optional<PackageType> type(PackageURL purl) {
        return Arrays.stream(PackageType.values()).filter(t -> t.purlType().equals(purl.getType())).findFirst();
    }

    static Package toPackage(PackageType type, PackageURL purl, SbomComponent component) {
        Map<String, String> qualifiers = purl.getQualifiers() == null ? Map.of() : purl.getQualifiers();
        String version = purl.getVersion() != null ? purl.getVersion()
                : component.version() != null ? component.version() : "";
        if (type == PackageType.RPM && qualifiers.containsKey("epoch") && !version.isEmpty()) {
            version = qualifiers.get("epoch") + ":" + version;
        }
        Package pkg = Package.of(type, name(type, purl), version);
        SourcePackage source = SourcePackage.of(component.properties(), purl.getType(), qualifiers);
        if (source != null) {
            pkg = pkg.withSource(source.name(), source.version());
        }
        if (qualifiers.containsKey("arch")) {
            pkg = pkg.withArch(qualifiers.get("arch"));
        }
        String filePath = firstOf(component.properties(), BomProperties.FILE_PATH, "aquasecurity:trivy:FilePath");
        if (filePath != null) {
            pkg = pkg.withFilePath(filePath);
        }
        String layer = firstOf(component.properties(), BomProperties.LAYER_DIGEST, "aquasecurity:trivy:LayerDigest");
        if (layer != null) {
            pkg = pkg.withLayerDigest(layer);
        }
        return pkg.withIdentity(ecosystem(type, purl), component.purl());
    }

    private static String name(PackageType type, PackageURL purl) {
        String namespace = purl.getNamespace();
        if (namespace == null || namespace.isEmpty()) {
            return purl.getName();
        }
        return switch (type) {
            case MAVEN -> namespace + ":" + purl.getName();
            case NPM, GOLANG, COMPOSER -> namespace + "/" + purl.getName();
            default -> purl.getName(); // apk/deb/rpm namespaces name the distribution
        };
    }

    /** apk packages get Alpine here; the matcher adds the release from the OS. */
    private static String ecosystem(PackageType type, PackageURL purl) {
        if (type.ecosystem() != null) {
            return type.ecosystem();
        }
        String namespace = purl.getNamespace() == null ? "" : purl.getNamespace().toLowerCase(Locale.ROOT);
        if (type == PackageType.DEB) {
            return namespace.equals("ubuntu") ? "Ubuntu" : "Debian";
        }
        return RPM_ECOSYSTEMS.get(namespace);
    }

    private static String firstOf(Map<String, String> properties, String... names) {
        for (String name : names) {
            if (properties.containsKey(name)) {
                return properties.get(name);
            }
        }
        return null;
    }
}
