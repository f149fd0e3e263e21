package io.stella.inventory.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"referenceCategory", "referenceType", "referenceLocator"})
public record SpdxExternalRef(String referenceCategory, String referenceType, String referenceLocator) {
    public static SpdxExternalRef purl(String purl) {
        return new SpdxExternalRef("PACKAGE-MANAGER", "purl", purl);
    }
}
