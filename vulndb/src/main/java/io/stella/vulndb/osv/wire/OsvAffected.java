package io.stella.vulndb.osv.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One OSV {@code affected[]} entry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvAffected(
        @JsonProperty("package") OsvPackage pkg,
        List<OsvSeverity> severity,
        List<OsvRange> ranges,
        List<String> versions,
        @JsonProperty("ecosystem_specific") JsonNode ecosystemSpecific,
        @JsonProperty("database_specific") JsonNode databaseSpecific) {
}
