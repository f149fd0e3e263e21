package io.stella.registry.http;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS trust for one registry.
 *
 * @param caCertificates PEM files whose certificates are trusted in addition to the JDK's
 * @param insecureSkipVerify accept any certificate and host name (last resort; warned about)
 */
public record TlsSettings(List<Path> caCertificates, boolean insecureSkipVerify) {

    public static final TlsSettings DEFAULT = new TlsSettings(List.of(), false);

    public TlsSettings {
        caCertificates = List.copyOf(caCertificates);
    }
}
