package io.stella.scan.filter;

import com.github.packageurl.PackageURL;
import io.stella.inventory.ScanTarget;
import java.util.Optional;

/**
 * Whether a VEX product names the scanned image: its name as the user gave it, its manifest digest, a
 * reference pinned to that digest ({@code repo@sha256:...}), or a {@code pkg:oci} purl of that digest.
 */
final class ImageReference {
    private ImageReference() {}

    static boolean designates(String product, ScanTarget target) {
        if (product.equals(target.name())) {
            return true;
        }
        String digest = target.digest();
        if (digest == null) {
            return false;
        }
        if (product.equals(digest) || product.endsWith("@" + digest)) {
            return true;
        }
        Optional<PackageURL> purl = PurlMatch.parse(product);
        return purl.isPresent() && "oci".equals(purl.get().getType()) && digest.equals(purl.get().getVersion());
    }
}
