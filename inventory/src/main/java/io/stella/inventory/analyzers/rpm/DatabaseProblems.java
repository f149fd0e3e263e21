package io.stella.inventory.analyzers.rpm;

import io.stella.inventory.spi.Findings;

/**
 * The problems found in one rpm database file, passed on as warnings that name the file. A badly damaged
 * file could produce one problem per page or slot; after {@link #MAX_DETAILED} detailed warnings the rest
 * are only counted and summarised by {@link #finish()}, which repeats the last one (often the one that
 * ended the reading).
 */
final class DatabaseProblems {
    static final String MALFORMED = "rpmdb-malformed";
    static final String UNSUPPORTED = "rpmdb-unsupported";
    static final String HEADER_INVALID = "rpm-header-invalid";
    static final int MAX_DETAILED = 20;

    private final Findings findings;
    private final String databasePath;
    private int count;
    private String last;

    DatabaseProblems(Findings findings, String databasePath) {
        this.findings = findings;
        this.databasePath = databasePath;
    }

    void malformed(String what) {
        report(MALFORMED, what);
    }

    void unsupported(String what) {
        report(UNSUPPORTED, what);
    }

    /** A package header (or one of its fields) that could not be used; the rest of the database still is. */
    void invalidHeader(String what) {
        report(HEADER_INVALID, what);
    }

    private void report(String kind, String what) {
        count++;
        last = what;
        if (count <= MAX_DETAILED) {
            findings.warn(kind, "rpm database " + databasePath + ": " + what);
        }
    }

    void finish() {
        if (count > MAX_DETAILED) {
            findings.warn(MALFORMED, "rpm database " + databasePath + ": " + (count - MAX_DETAILED)
                    + " further problems not shown (" + count + " in all); the last: " + last);
        }
    }
}
