package io.stella.vulndb.osv.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An OSV {@code package} object. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvPackage(String ecosystem, String name, String purl) {
}
