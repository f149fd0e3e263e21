package io.stella.registry.auth;

/**
 * Where a credential came from, for verbose output and error evidence. Never holds a secret.
 *
 * @param source the kind of source: "explicit", "stella-config", "auth-file", "credential-helper", "anonymous"
 * @param detail where exactly: the file and key, the helper binary, the config entry name
 */
public record CredentialOrigin(String source, String detail) {

    public static CredentialOrigin anonymous() {
        return new CredentialOrigin("anonymous", "no credentials configured for this registry");
    }

    @Override
    public String toString() {
        return source + " (" + detail + ")";
    }
}
