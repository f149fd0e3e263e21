package io.stella.vulndb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of the vulnerability database with a stable code, a one-line message, the fix and evidence.
 * The CLI maps {@link #code()} to the failure code of the same name.
 */
public final class VulnDbException extends RuntimeException {
    public enum Code {
        /** No database at the location, or one without any source. */
        VULNDB_MISSING,
        /** The database file cannot be opened or is not a stella database. */
        VULNDB_CORRUPT,
        /** An input to import is unreadable or of an unknown kind. */
        VULNDB_IMPORT_FAILED,
        /** An offline bundle fails its manifest check. */
        VULNDB_BUNDLE_TAMPERED,
        /** A source could not be downloaded. */
        VULNDB_DOWNLOAD_FAILED
    }

    private final Code code;
    private final String hint;
    private final Map<String, String> evidence;

    public VulnDbException(Code code, String message, String hint, Map<String, String> evidence, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
        this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public VulnDbException(Code code, String message, String hint) {
        this(code, message, hint, Map.of(), null);
    }

    public Code code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    public Map<String, String> evidence() {
        return evidence;
    }
}
