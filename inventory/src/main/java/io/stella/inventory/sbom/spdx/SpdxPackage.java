package io.stella.inventory.sbom.spdx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "SPDXID", "versionInfo", "downloadLocation", "filesAnalyzed", "licenseConcluded",
        "licenseDeclared", "sourceInfo", "externalRefs", "primaryPackagePurpose"})
public record SpdxPackage(
        String name,
        @JsonProperty("SPDXID") String spdxId,
        String versionInfo,
        String downloadLocation,
        boolean filesAnalyzed,
        String licenseConcluded,
        String licenseDeclared,
        String sourceInfo,
        List<SpdxExternalRef> externalRefs,
        String primaryPackagePurpose) {
}
