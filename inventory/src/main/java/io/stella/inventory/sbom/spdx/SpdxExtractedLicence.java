package io.stella.inventory.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A {@code hasExtractedLicensingInfos} entry: what a {@code LicenseRef-} in the document stands for. */
@JsonPropertyOrder({"licenseId", "name", "extractedText"})
public record SpdxExtractedLicence(String licenseId, String name, String extractedText) {
}
