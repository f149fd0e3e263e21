package io.stella.scan.report;

import io.stella.vulndb.model.Advisory;

/** Facts about an advisory that several formats show the same way. */
public final class Advisories {
    private Advisories() {}

    /** The advisory's first reference, else its OSV page (every id stella imports is an OSV id or alias). */
    public static String url(Advisory advisory) {
        return advisory.references().isEmpty() ? "https://osv.dev/vulnerability/" + advisory.id()
                : advisory.references().getFirst();
    }
}
