package io.stella.vulndb.osv.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An OSV {@code references[]} entry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvReference(String type, String url) {
}
