package io.stella.registry.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS settings of one registry.
 *
 * @param caCert             a PEM bundle of CAs to trust for this registry, in addition to the system's
 * @param insecureSkipVerify accept any certificate (and allow plain HTTP); a last resort
 */
public record TlsConfig(Path caCert, boolean insecureSkipVerify) {

    public static final TlsConfig DEFAULT = new TlsConfig(null, false);

    public TlsConfig {
        if (caCert != null && caCert.toString().isBlank()) {
            throw new InvalidConfigValueException("ca_cert", "ca_cert is empty; give the path of a PEM CA bundle or remove it");
        }
    }

    public Optional<Path> caCertPath() {
        return Optional.ofNullable(caCert);
    }

    TlsConfig resolvedAgainst(Path directory) {
        return caCert == null ? this : new TlsConfig(directory.resolve(caCert), insecureSkipVerify);
    }
}
