package io.stella.vulndb.osv.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An OSV {@code severity[]} entry: for CVSS types, {@code score} holds the vector. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvSeverity(String type, String score) {
}
