package io.stella.inventory.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** @param created UTC, {@code YYYY-MM-DDThh:mm:ssZ} */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"creators", "created", "licenseListVersion"})
public record SpdxCreationInfo(List<String> creators, String created, String licenseListVersion) {
}
