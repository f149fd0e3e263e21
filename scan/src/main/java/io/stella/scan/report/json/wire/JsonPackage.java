package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"name", "version", "type", "ecosystem", "purl", "source_name", "source_version", "layer", "path"})
public record JsonPackage(String name, String version, String type, String ecosystem, String purl,
                          @JsonProperty("source_name") String sourceName,
                          @JsonProperty("source_version") String sourceVersion, String layer, String path) {
}
