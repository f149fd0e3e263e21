package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

@JsonPropertyOrder({"location", "sources", "built_at", "age_seconds", "stale"})
public record JsonDatabase(String location, List<JsonSource> sources, @JsonProperty("built_at") String builtAt,
                           @JsonProperty("age_seconds") long ageSeconds, boolean stale) {
}
