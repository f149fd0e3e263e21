package io.stella.scan.report.json.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"id", "version", "name"})
public record JsonOs(String id, String version, String name) {
}
