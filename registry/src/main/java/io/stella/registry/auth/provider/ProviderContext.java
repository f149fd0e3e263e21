package io.stella.registry.auth.provider;

import io.stella.registry.config.CloudConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider may use: the registry entry, the process environment (never {@code System.getenv()}
 * directly, so tests can inject theirs), the user's home and a clock.
 *
 * <p>Cloud API endpoints are overridden with the SDKs' documented variables read from {@link #env()}
 * ({@code AWS_ENDPOINT_URL_<SERVICE>}, …): that is how tests point a provider at a loopback stand-in.
 */
public record ProviderContext(RegistryConfig registry, Map<String, String> env, Path home, Clock clock) {

    public ProviderContext {
        env = Map.copyOf(env);
    }

    public CloudConfig cloud() {
        return registry.cloud();
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** The {@code cloud.<key>} setting, or a {@code CONFIG_INVALID} failure saying how to set it. */
    public String require(String key, String example) {
        return cloud().string(key).orElseThrow(() -> RegistryException.builder(FailureCode.CONFIG_INVALID,
                        "registry " + registry.name() + " needs cloud." + key)
                .registry(registry.hostKey())
                .hint("Set it: stella registry config set " + registry.name() + ".cloud." + key + " " + example)
                .build());
    }
}
