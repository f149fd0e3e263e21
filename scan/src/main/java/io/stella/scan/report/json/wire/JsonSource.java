package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"name", "origin", "imported_at", "newest_record", "records"})
public record JsonSource(String name, String origin, @JsonProperty("imported_at") String importedAt,
                         @JsonProperty("newest_record") String newestRecord, long records) {
}
