package io.stella.inventory.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** An SPDX 2.3 document as its JSON serialisation names the fields; only what stella writes. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace", "comment", "creationInfo",
        "packages", "hasExtractedLicensingInfos", "relationships"})
public record SpdxDocument(
        String spdxVersion,
        String dataLicense,
        @JsonProperty("SPDXID") String spdxId,
        String name,
        String documentNamespace,
        String comment,
        SpdxCreationInfo creationInfo,
        List<SpdxPackage> packages,
        List<SpdxExtractedLicence> hasExtractedLicensingInfos,
        List<SpdxRelationship> relationships) {
}
