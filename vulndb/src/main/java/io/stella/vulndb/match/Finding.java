package io.stella.vulndb.match;

import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.SeverityRating;

/**
 * An installed package affected by an advisory.
 *
 * @param fixedVersion the first version that fixes it, or null when no fix is known
 * @param severity     the entry's own severity when the record gives one per package, else the advisory's
 */
public record Finding(PackageQuery pkg, Advisory advisory, String installedVersion, String fixedVersion,
                      SeverityRating severity) {
}
