package io.stella.registry.auth;

import java.util.Optional;

/**
 * One place credentials can come from. Sources are asked in order for a registry host; the first
 * one that has credentials wins.
 */
public interface CredentialSource {

    /**
     * @param registryHost the registry as written in image references: host[:port], with Docker Hub
     *                     as {@code docker.io}
     * @return the credential for exactly that registry, or empty when this source has none
     * @throws io.stella.registry.failure.RegistryException with {@code AUTH_HELPER_FAILED} when a
     *         configured helper cannot be run, or {@code CONFIG_INVALID} when the source is malformed
     */
    Optional<ResolvedCredential> lookup(String registryHost);

    /**
     * Whether asking again can give a different credential (a helper's or cloud's short-lived one, a file
     * that is rotated), so that a lease renews from this source before expiry and after a rejection.
     */
    default boolean renewable() {
        return false;
    }

    /** A short description for diagnostics, e.g. "docker config /root/.docker/config.json". */
    String describe();
}
