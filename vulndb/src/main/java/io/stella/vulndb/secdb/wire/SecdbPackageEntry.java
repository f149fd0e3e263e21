package io.stella.vulndb.secdb.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A {@code packages[]} item: the package is nested under {@code pkg}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecdbPackageEntry(SecdbPackage pkg) {
}
