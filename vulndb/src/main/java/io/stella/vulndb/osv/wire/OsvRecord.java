package io.stella.vulndb.osv.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An OSV record (schema 1.x) as the JSON gives it; only the fields stella stores. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvRecord(
        String id,
        String modified,
        String published,
        String withdrawn,
        List<String> aliases,
        String summary,
        String details,
        List<OsvSeverity> severity,
        List<OsvAffected> affected,
        List<OsvReference> references,
        @JsonProperty("database_specific") JsonNode databaseSpecific) {
}
