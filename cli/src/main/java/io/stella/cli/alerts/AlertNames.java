package io.stella.cli.alerts;

/** The alerts stella raises; names as monitoring rules refer to them. */
public final class AlertNames {
    /** Authentication to a registry failed (AUTH_* codes). */
    public static final String REGISTRY_AUTH_FAILED = "ScannerRegistryAuthFailed";
    /** A credential with a known expiry expires within a day. */
    public static final String CREDENTIAL_EXPIRING_SOON = "ScannerCredentialExpiringSoon";

    private AlertNames() {
    }
}
