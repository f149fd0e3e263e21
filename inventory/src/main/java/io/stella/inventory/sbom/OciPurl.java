package io.stella.inventory.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.stella.inventory.ScanTarget;
import io.stella.registry.ImageReference;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code pkg:oci} purl of a scanned image, as Trivy writes it:
 * {@code pkg:oci/<last repository segment>@<manifest digest>?arch=<arch>&repository_url=<registry>/<repository>}.
 * It needs the manifest digest and a target name that is an image reference; an image read from an
 * archive or directory has no purl (its name is a local path, not a repository).
 */
final class OciPurl {
    private OciPurl() {}

    static Optional<String> of(ScanTarget target) {
        if (target.kind() != ScanTarget.Kind.CONTAINER_IMAGE || target.digest() == null || target.name() == null) {
            return Optional.empty();
        }
        ImageReference reference;
        try {
            reference = ImageReference.parse(target.name());
        } catch (RegistryException notAReference) {
            return Optional.empty();
        }
        String repository = reference.repository();
        TreeMap<String, String> qualifiers = new TreeMap<>();
        architecture(target.platform()).ifPresent(arch -> qualifiers.put("arch", arch));
        qualifiers.put("repository_url", reference.registry() + "/" + repository);
        try {
            String name = repository.substring(repository.lastIndexOf('/') + 1);
            return Optional.of(new PackageURL("oci", null, name, target.digest(), qualifiers, null).canonicalize());
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    /** {@code amd64} of {@code linux/amd64}, {@code arm64} of {@code linux/arm64/v8}. */
    private static Optional<String> architecture(String platform) {
        if (platform == null) {
            return Optional.empty();
        }
        String[] parts = platform.split("/");
        return parts.length >= 2 && !parts[1].isBlank() ? Optional.of(parts[1]) : Optional.empty();
    }
}
