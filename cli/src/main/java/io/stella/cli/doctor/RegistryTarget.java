package io.stella.cli.doctor;

import io.stella.registry.client.Endpoint;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.http.Loopback;
import java.util.Optional;

/** A configured registry and where its API is: the endpoint, and the host and port to probe by hand. */
public record RegistryTarget(RegistryConfig config, Endpoint endpoint, String host, int port) {

    public static RegistryTarget of(RegistryConfig registry) {
        Endpoint parsed = Endpoint.parse(registry.url().text(), false);
        Endpoint endpoint = new Endpoint(registry.hostKey(), parsed.apiHost(),
                registry.explicitHttp() ? Optional.of("http") : Optional.empty(), registry.tls().insecureSkipVerify());
        String apiHost = parsed.apiHost();
        String host;
        String port = null;
        if (apiHost.startsWith("[")) {
            int end = apiHost.indexOf(']');
            host = apiHost.substring(1, end);
            if (apiHost.length() > end + 1 && apiHost.charAt(end + 1) == ':') {
                port = apiHost.substring(end + 2);
            }
        } else {
            int colon = apiHost.lastIndexOf(':');
            host = colon >= 0 ? apiHost.substring(0, colon) : apiHost;
            port = colon >= 0 ? apiHost.substring(colon + 1) : null;
        }
        int number = port != null ? Integer.parseInt(port) : registry.explicitHttp() ? 80 : 443;
        return new RegistryTarget(registry, endpoint, host, number);
    }

    /** The subject of results: the registry's name, with its host when the name differs. */
    public String subject() {
        return config.name().equals(config.hostKey()) ? config.name() : config.name() + " (" + config.hostKey() + ")";
    }

    public boolean explicitHttp() {
        return config.explicitHttp();
    }

    /** Whether a server that only speaks plain HTTP would be used: not when the url says https://. */
    public boolean plainHttpFallback() {
        return !config.url().text().toLowerCase(java.util.Locale.ROOT).startsWith("https://")
                && endpoint.plainHttpAllowed();
    }

    public boolean loopback() {
        return Loopback.isLoopback(endpoint.apiHost());
    }
}
