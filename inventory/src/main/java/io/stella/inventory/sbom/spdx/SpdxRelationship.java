package io.stella.inventory.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"spdxElementId", "relatedSpdxElement", "relationshipType"})
public record SpdxRelationship(String spdxElementId, String relatedSpdxElement, String relationshipType) {
}
