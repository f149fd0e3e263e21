package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;

/** Puts a vendor's explanation into a failure: its hint replaces the generic one, its evidence is added. */
public final class VendorExplainer {
    static final String VENDOR_EVIDENCE = "vendor";

    private final VendorAdvice advice;

    public VendorExplainer(VendorAdvice advice) {
        this.advice = advice;
    }

    public static VendorExplainer forVendor(RegistryVendor vendor) {
        return new VendorExplainer(VendorAdvice.forVendor(vendor));
    }

    public RegistryVendor vendor() {
        return advice.vendor();
    }

    /** The failure explained in the vendor's terms; as it is when the vendor has nothing to add or already did. */
    public RegistryException explain(RegistryException failure, Principal principal) {
        if (failure.evidence().containsKey(VENDOR_EVIDENCE)) {
            return failure;
        }
        if (advice.vendor() == RegistryVendor.GENERIC) {
            // Neither the type nor the host told; a self-hosted product may still show in its token service.
            return TokenRealmVendors.detect(failure)
                    .map(v -> apply(VendorAdvice.forVendor(v), failure, principal, "token service"))
                    .orElse(failure);
        }
        return apply(advice, failure, principal, null);
    }

    private static RegistryException apply(VendorAdvice advice, RegistryException failure, Principal principal,
                                           String detectedBy) {
        return advice.advise(failure, principal).map(a -> {
            RegistryException.Builder b = failure.toBuilder().hint(a.hint())
                    .evidence(VENDOR_EVIDENCE, advice.vendor().displayName())
                    .evidence("vendor_detected_by", detectedBy);
            a.evidence().forEach(b::evidence);
            return b.build();
        }).orElse(failure);
    }
}
