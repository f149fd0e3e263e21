package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"total", "critical", "high", "medium", "low", "none", "unknown", "packages", "evaluated_packages",
        "fixable"})
public record JsonSummary(int total, int critical, int high, int medium, int low, int none, int unknown, int packages,
                          @JsonProperty("evaluated_packages") int evaluatedPackages, int fixable) {
}
