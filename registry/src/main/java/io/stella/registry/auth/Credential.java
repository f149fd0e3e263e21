package io.stella.registry.auth;

import io.stella.registry.Secret;

/** What stella can present to a registry. Secrets stay in {@link Secret}s. */
public sealed interface Credential {

    /** A short name of the kind of credential, for output ("basic", "identity-token", …). */
    String kind();

    /** Sends no credential at all. */
    record Anonymous() implements Credential {
        @Override
        public String kind() {
            return "anonymous";
        }
    }

    /** A username and password (or access token used as password): Basic, or the token service's GET/POST. */
    record UsernamePassword(String username, Secret password) implements Credential {
        @Override
        public String kind() {
            return "username-password";
        }
    }

    /**
     * An OAuth2 refresh token (docker's {@code identitytoken}), exchanged at the token service with
     * {@code grant_type=refresh_token}.
     */
    record IdentityToken(String username, Secret token) implements Credential {
        @Override
        public String kind() {
            return "identity-token";
        }
    }

    /** A bearer token sent to the registry as is (docker's {@code registrytoken}). */
    record RegistryToken(Secret token) implements Credential {
        @Override
        public String kind() {
            return "registry-token";
        }
    }
}
