package io.stella.vulndb.store;

import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;

/** One advisory's entry for one package: what the matcher evaluates against an installed version. */
public record AffectedEntry(Advisory advisory, Affected affected) {
}
