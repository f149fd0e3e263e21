package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * stella's own JSON report, schema version 1, as {@code stella-report.schema.json} documents it. Every field
 * is always written (null when unknown) so consumers see one shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"schema_version", "image", "digest", "platform", "os", "packages", "vulnerabilities", "suppressed",
        "not_evaluated", "problems", "summary", "database", "warnings", "scanned_at"})
public record JsonReport(
        @JsonProperty("schema_version") int schemaVersion,
        String image,
        String digest,
        String platform,
        JsonOs os,
        List<JsonPackage> packages,
        List<JsonVulnerability> vulnerabilities,
        List<JsonSuppressed> suppressed,
        @JsonProperty("not_evaluated") List<JsonNotEvaluated> notEvaluated,
        List<String> problems,
        JsonSummary summary,
        JsonDatabase database,
        List<String> warnings,
        @JsonProperty("scanned_at") String scannedAt) {
}
