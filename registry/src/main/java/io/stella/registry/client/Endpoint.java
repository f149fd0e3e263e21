package io.stella.registry.client;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.Loopback;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a registry's API is and which schemes may be tried: HTTPS always; plain HTTP only for loopback
 * hosts and registries configured insecure, after HTTPS found no TLS server (as docker does), or when
 * the URL says {@code http://}.
 *
 * @param registry the registry name used for credentials ({@code docker.io} for Docker Hub)
 * @param apiHost  host[:port] the API is served on
 * @param explicitScheme the scheme the user wrote, if any
 * @param insecure the registry is configured insecure (HTTP allowed, TLS not verified)
 */
public record Endpoint(String registry, String apiHost, Optional<String> explicitScheme, boolean insecure) {

    /** From a URL or host as a user writes it: {@code https://harbor.example.com}, {@code 127.0.0.1:5000}. */
    public static Endpoint parse(String urlOrHost, boolean insecure) {
        String s = urlOrHost.strip();
        Optional<String> scheme = Optional.empty();
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = Optional.of(s.substring(0, sep).toLowerCase(Locale.ROOT));
            s = s.substring(sep + 3);
            if (!scheme.get().equals("http") && !scheme.get().equals("https")) {
                throw RegistryException.builder(FailureCode.INVALID_REFERENCE,
                        "registry URL '" + urlOrHost + "' must use http or https").build();
            }
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        if (s.isEmpty()) {
            throw RegistryException.builder(FailureCode.INVALID_REFERENCE, "registry URL '" + urlOrHost + "' has no host")
                    .build();
        }
        String host = s.toLowerCase(Locale.ROOT);
        String registry = switch (host) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "docker.io" -> "docker.io";
            default -> host;
        };
        String apiHost = registry.equals("docker.io") ? "registry-1.docker.io" : host;
        return new Endpoint(registry, apiHost, scheme, insecure);
    }

    public static Endpoint forImage(io.stella.registry.ImageReference ref, boolean insecure) {
        return new Endpoint(ref.registry(), ref.apiHost(), Optional.empty(), insecure);
    }

    public boolean plainHttpAllowed() {
        return insecure || Loopback.isLoopback(apiHost);
    }

    /** The schemes to try, in order. */
    public List<String> schemes() {
        if (explicitScheme.isPresent()) {
            if (explicitScheme.get().equals("http") && !plainHttpAllowed()) {
                throw RegistryException.builder(FailureCode.INSECURE_NOT_ALLOWED,
                                "plain HTTP to " + apiHost + " is not allowed")
                        .registry(registry)
                        .hint("Use https://, or mark the registry insecure (--insecure-skip-verify or "
                                + "tls.insecure_skip_verify in the config) if it really has no TLS.")
                        .build();
            }
            return List.of(explicitScheme.get());
        }
        return plainHttpAllowed() ? List.of("https", "http") : List.of("https");
    }
}
