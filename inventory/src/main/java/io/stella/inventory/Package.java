package io.stella.inventory;

import java.util.List;
import java.util.Objects;

/**
 * One installed package.
 *
 * <p>Analyzers fill type, name, version, source package, licences, architecture and the file the
 * package was found in; the inventory assembler adds the layer, the ecosystem and the purl (which
 * need the distribution seen in the final file system).
 *
 * <p>Naming: Maven packages are {@code groupId:artifactId}; npm names keep their {@code @scope/};
 * Go packages are module paths ({@code stdlib} for the toolchain); rpm versions are
 * {@code [epoch:]version-release}; dpkg versions are as in the status file (epoch included).
 *
 * @param filePath   path of the file the package was read from, relative to the image root without a
 *                   leading slash (e.g. {@code lib/apk/db/installed}, {@code app/lib/x.jar}); for a
 *                   nested archive, {@code outer.jar!/BOOT-INF/lib/inner.jar}
 * @param layerDigest the digest of the layer that introduced {@code filePath}, null when unknown
 * @param ecosystem  OSV ecosystem name (e.g. Alpine, Debian, Maven), null until assembled
 * @param purl       package-url, null until assembled
 */
public record Package(
        PackageType type,
        String name,
        String version,
        String sourceName,
        String sourceVersion,
        List<String> licenses,
        String arch,
        String filePath,
        String layerDigest,
        String ecosystem,
        String purl) {

    public Package {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    public static Package of(PackageType type, String name, String version) {
        return new Package(type, name, version, null, null, List.of(), null, null, null, null, null);
    }

    public Package withSource(String sourceName, String sourceVersion) {
        return new Package(type, name, version, sourceName, sourceVersion, licenses, arch, filePath, layerDigest,
                ecosystem, purl);
    }

    public Package withLicenses(List<String> licenses) {
        return new Package(type, name, version, sourceName, sourceVersion, licenses, arch, filePath, layerDigest,
                ecosystem, purl);
    }

    public Package withArch(String arch) {
        return new Package(type, name, version, sourceName, sourceVersion, licenses, arch, filePath, layerDigest,
                ecosystem, purl);
    }

    public Package withFilePath(String filePath) {
        return new Package(type, name, version, sourceName, sourceVersion, licenses, arch, filePath, layerDigest,
                ecosystem, purl);
    }

    public Package withLayerDigest(String layerDigest) {
        return new Package(type, name, version, sourceName, sourceVersion, licenses, arch, filePath, layerDigest,
                ecosystem, purl);
    }

    public Package withIdentity(String ecosystem, String purl) {
        return new Package(type, name, version, sourceName, sourceVersion, licenses, arch, filePath, layerDigest,
                ecosystem, purl);
    }
}
