package io.stella.scan.filter;

import io.stella.inventory.Package;
import io.stella.inventory.ScanTarget;
import java.util.List;
import java.util.Objects;

/**
 * One VEX statement, from OpenVEX or CycloneDX.
 *
 * @param vulnerability the vulnerability id
 * @param aliases       other ids of it the statement gives
 * @param products      purls of packages, or references of the image (name, digest or {@code pkg:oci} purl)
 * @param subcomponents purls of the packages inside an image product the statement is about; empty when
 *                      it is about the product as a whole
 * @param reason        status and justification or impact statement, as the report shows it
 * @param origin        the file and JSON pointer of the statement
 */
public record VexStatement(String vulnerability, List<String> aliases, List<String> products,
                           List<String> subcomponents, VexStatus status, String reason, String origin) {
    public VexStatement {
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(status, "status");
        aliases = List.copyOf(aliases);
        products = List.copyOf(products);
        subcomponents = List.copyOf(subcomponents);
    }

    /** True when the statement names the id, or one of its aliases equals the id or one of {@code ids}. */
    public boolean isAbout(String id, List<String> otherIds) {
        if (vulnerability.equalsIgnoreCase(id) || otherIds.stream().anyMatch(vulnerability::equalsIgnoreCase)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> a.equalsIgnoreCase(id) || otherIds.stream().anyMatch(a::equalsIgnoreCase));
    }

    /** True when the statement covers the package, directly or as a subcomponent of the scanned image. */
    public boolean covers(Package pkg, ScanTarget target) {
        for (String product : products) {
            var purl = PurlMatch.parse(product);
            if (purl.isPresent() && !"oci".equals(purl.get().getType())) {
                if (PurlMatch.matches(purl.get(), pkg.purl())) {
                    return true;
                }
            } else if (ImageReference.designates(product, target)) {
                if (subcomponents.isEmpty() || subcomponents.stream().anyMatch(s -> PurlMatch.parse(s)
                        .map(p -> PurlMatch.matches(p, pkg.purl())).orElse(false))) {
                    return true;
                }
            }
        }
        return false;
    }
}
