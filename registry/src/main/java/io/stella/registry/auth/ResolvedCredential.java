package io.stella.registry.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A credential together with where it came from and, when the source knows it, when it stops working.
 */
public record ResolvedCredential(Credential credential, CredentialOrigin origin, Optional<Instant> expiresAt) {

    public ResolvedCredential(Credential credential, CredentialOrigin origin) {
        this(credential, origin, Optional.empty());
    }

    public static ResolvedCredential anonymous() {
        return new ResolvedCredential(new Credential.Anonymous(), CredentialOrigin.anonymous());
    }

    public boolean isAnonymous() {
        return credential instanceof Credential.Anonymous;
    }
}
