package io.stella.cli;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.CredentialsConfig;
import io.stella.registry.config.RegistryConfig;

/** How a registry's credential is described without showing it. */
final class CredentialDescription {
    private CredentialDescription() {
    }

    /** The secret as {@code ****abcd}: the last four characters only when there are at least 12, else {@code ****}. */
    static String mask(String secret) {
        return secret.length() >= 12 ? "****" + secret.substring(secret.length() - 4) : "****";
    }

    /** basic, token, identity-token, helper, cloud or none. */
    static String type(ResolvedCredential resolved) {
        if (resolved.origin().source().equals("credential-helper")) {
            return "helper";
        }
        if (resolved.origin().source().startsWith("cloud:")) {
            return "cloud";
        }
        return switch (resolved.credential()) {
            case Credential.UsernamePassword up -> "basic";
            case Credential.RegistryToken rt -> "token";
            case Credential.IdentityToken it -> "identity-token";
            case Credential.Anonymous a -> "none";
        };
    }

    /** Where the config says the secret is: env:VAR, file:PATH, stella-config (encrypted); empty when not configured. */
    static String configuredSource(RegistryConfig registry) {
        CredentialsConfig c = registry.credentials();
        if (c.encryptedPassword().isPresent()) {
            return "stella-config (encrypted)";
        }
        if (c.passwordEnvName().isPresent()) {
            return "env:" + c.passwordEnvName().get();
        }
        if (c.passwordFilePath().isPresent()) {
            return "file:" + c.passwordFilePath().get();
        }
        if (c.tokenEnvName().isPresent()) {
            return "env:" + c.tokenEnvName().get();
        }
        return "";
    }

    /** The auth method as the config tells it, for listings that do not contact the registry. */
    static String configuredMethod(RegistryConfig registry) {
        CredentialsConfig c = registry.credentials();
        if (c.tokenEnvName().isPresent()) {
            return "token (" + configuredSource(registry) + ")";
        }
        if (c.isConfigured()) {
            return "basic (" + configuredSource(registry) + ")";
        }
        if (RegistryPreset.isCloud(registry.type())) {
            return registry.cloud().isEmpty() ? "cloud (the environment's identity)"
                    : "cloud (" + String.join(", ", registry.cloud().keys()) + ")";
        }
        return "docker config / helper / anonymous";
    }

    static String secretOf(Credential credential) {
        return switch (credential) {
            case Credential.UsernamePassword up -> up.password().reveal();
            case Credential.RegistryToken rt -> rt.token().reveal();
            case Credential.IdentityToken it -> it.token().reveal();
            case Credential.Anonymous a -> "";
        };
    }

    static String usernameOf(Credential credential) {
        return switch (credential) {
            case Credential.UsernamePassword up -> up.username();
            case Credential.IdentityToken it -> it.username() == null ? "" : it.username();
            default -> "";
        };
    }
}
