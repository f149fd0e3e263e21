package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"id", "package", "purl", "installed_version", "reason", "origin"})
public record JsonSuppressed(String id, @JsonProperty("package") String packageName, String purl,
                             @JsonProperty("installed_version") String installedVersion, String reason, String origin) {
}
