package io.stella.scan.report.json.wire;

public record JsonNotEvaluated(String ecosystem, int packages) {
}
