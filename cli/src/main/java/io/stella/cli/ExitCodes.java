package io.stella.cli;

import io.stella.registry.failure.FailureCode;

/** Exit codes of stella; documented in the README. A failure never exits 0. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Any failure not covered below. */
    public static final int FAILURE = 1;
    /** Wrong flags, invalid reference, invalid configuration (a results store that cannot be opened or written). */
    public static final int USAGE = 2;
    /** Authentication or authorization failed (AUTH_*, CATALOG_DENIED). */
    public static final int AUTH = 3;
    /** The image, repository or platform does not exist (or is hidden). */
    public static final int NOT_FOUND = 4;
    /** Network or TLS failure (NETWORK_*, TLS_*). */
    public static final int NETWORK = 5;
    /** The registry failed or sent something unusable (rate limit, 5xx, bad manifest, digest mismatch). */
    public static final int REGISTRY = 6;
    /** The result was produced but does not cover the whole image (a layer stopped at a limit, a foreign layer). */
    public static final int INCOMPLETE = 7;
    /** The vulnerability database is missing, unreadable, stale under --fail-on-stale, or could not be updated. */
    public static final int VULNDB = 8;
    /** {@code stella doctor}: the worst result is a warning. */
    public static final int DOCTOR_WARN = 10;
    /** {@code stella doctor}: at least one check failed. */
    public static final int DOCTOR_FAIL = 11;

    private ExitCodes() {
    }

    public static int of(FailureCode code) {
        String name = code.name();
        if (name.startsWith("AUTH_") || code == FailureCode.CATALOG_DENIED) {
            return AUTH;
        }
        if (name.startsWith("VULNDB_")) {
            return VULNDB;
        }
        if (name.startsWith("NETWORK_") || name.startsWith("TLS_") || code == FailureCode.INSECURE_NOT_ALLOWED) {
            return NETWORK;
        }
        return switch (code) {
            case IMAGE_NOT_FOUND, REPOSITORY_NOT_FOUND_OR_DENIED, PLATFORM_NOT_FOUND -> NOT_FOUND;
            // The results store is set up by the configuration (a path, a JDBC URL and credentials).
            case INVALID_REFERENCE, CONFIG_INVALID, IMAGE_SOURCE_INVALID, SBOM_INVALID, REPORT_INPUT_INVALID,
                 STORE_UNAVAILABLE, COMMAND_NOT_APPLICABLE -> USAGE;
            case REGISTRY_RATE_LIMITED, REGISTRY_UNAVAILABLE, REGISTRY_PROTOCOL_ERROR, MANIFEST_UNSUPPORTED,
                 MANIFEST_INVALID, DIGEST_MISMATCH -> REGISTRY;
            default -> FAILURE;
        };
    }
}
