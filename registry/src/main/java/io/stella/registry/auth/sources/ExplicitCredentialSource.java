package io.stella.registry.auth.sources;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.ResolvedCredential;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials given on the command line. They apply to the one registry of the image being scanned and
 * never leak to another registry (a base image's, a token service on another host).
 *
 * @param registryHost the registry they are for, normalised to its host key
 * @param username     the user name
 * @param password     the password or access token
 * @param detail       how they were given, for diagnostics, e.g. {@code --username/--password-stdin}
 */
public record ExplicitCredentialSource(String registryHost, String username, Secret password, String detail)
        implements CredentialSource {

    public static final String DEFAULT_DETAIL = "--username/--password-stdin";

    public ExplicitCredentialSource {
        Objects.requireNonNull(registryHost, "registryHost");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(detail, "detail");
        registryHost = RegistryHosts.normalise(registryHost);
        if (registryHost.isEmpty()) {
            throw new IllegalArgumentException("registryHost is empty");
        }
    }

    public ExplicitCredentialSource(String registryHost, String username, Secret password) {
        this(registryHost, username, password, DEFAULT_DETAIL);
    }

    @Override
    public Optional<ResolvedCredential> lookup(String host) {
        if (!RegistryHosts.normalise(host).equals(registryHost)) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedCredential(new Credential.UsernamePassword(username, password),
                new CredentialOrigin("explicit", detail)));
    }

    @Override
    public String describe() {
        return "explicit credentials for " + registryHost + " (" + detail + ")";
    }
}
