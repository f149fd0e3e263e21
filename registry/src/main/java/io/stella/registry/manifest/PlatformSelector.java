package io.stella.registry.manifest;

import io.stella.registry.Platform;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Optional;

/**
 * Picks the image of an index for a platform: the requested one (default linux/amd64); when no
 * platform was requested and the index has a single image, that one; otherwise
 * {@code PLATFORM_NOT_FOUND} listing what the index has. Attestation entries (unknown/unknown) are
 * never chosen.
 */
public final class PlatformSelector {

    private PlatformSelector() {
    }

    public static Descriptor select(ImageIndex index, Optional<Platform> requested, String where) {
        List<Descriptor> images = index.manifests().stream()
                .filter(d -> d.platform().map(p -> !p.os().equals("unknown")).orElse(true))
                .filter(d -> !"attestation-manifest".equals(d.annotations().get("vnd.docker.reference.type")))
                .toList();
        Platform wanted = requested.orElse(Platform.LINUX_AMD64);
        for (Descriptor d : images) {
            if (d.platform().map(p -> p.satisfies(wanted)).orElse(false)) {
                return d;
            }
        }
        if (requested.isEmpty() && images.size() == 1) {
            return images.getFirst();
        }
        String present = images.isEmpty() ? "(none)" : String.join(", ",
                images.stream().map(d -> d.platform().map(Platform::toString).orElse("(no platform)")).toList());
        throw RegistryException.builder(FailureCode.PLATFORM_NOT_FOUND,
                        where + " has no image for " + wanted + "; it has: " + present)
                .evidence("requested_platform", wanted)
                .evidence("available_platforms", present)
                .evidence("index_digest", index.digest())
                .hint("Choose one of the available platforms with --platform (" + present + ").")
                .build();
    }
}
