package io.stella.cli.doctor;

import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.http.TlsSettings;

/** How the checks reach a configured registry: the same client and trust every other command uses. */
public interface RegistryAccessor {

    /**
     * A client with the registry's resolved credential.
     *
     * @throws io.stella.registry.failure.RegistryException when the credential cannot be resolved
     */
    RegistryClient clientFor(RegistryTarget target);

    /** The TLS trust for the registry: its {@code tls.ca_cert}, {@code --ca-cert}, insecure settings. */
    TlsSettings tlsFor(RegistryConfig registry);
}
