package io.stella.registry.auth.provider;

import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from the cloud or vendor provider of a configured registry's type. The provider is asked again
 * each time the lease renews ({@link #renewable()}), which is how a 12-hour ECR token or a one-hour GCP access
 * token is replaced before it dies in the middle of a scan.
 */
public final class CloudCredentialSource implements CredentialSource {
    private final StellaConfig config;
    private final CredentialProviders providers;
    private final Map<String, String> env;
    private final Path home;
    private final Clock clock;

    public CloudCredentialSource(StellaConfig config, CredentialProviders providers, Map<String, String> env, Path home,
                                 Clock clock) {
        this.config = config;
        this.providers = providers;
        this.env = Map.copyOf(env);
        this.home = home;
        this.clock = clock;
    }

    @Override
    public Optional<ResolvedCredential> lookup(String registryHost) {
        for (RegistryConfig registry : candidates(registryHost)) {
            Optional<CredentialProvider> provider = providers.forRegistry(registry);
            if (provider.isEmpty()) {
                continue;
            }
            ProviderContext context = new ProviderContext(registry, env, home, clock);
            if (provider.get().answers(context, registryHost)) {
                return Optional.of(provider.get().fetch(context, registryHost));
            }
        }
        return Optional.empty();
    }

    /** The entry for the host first; then the others, for providers that answer for hosts they discovered. */
    private java.util.List<RegistryConfig> candidates(String registryHost) {
        java.util.List<RegistryConfig> ordered = new java.util.ArrayList<>();
        config.forHost(registryHost).ifPresent(ordered::add);
        config.registries().stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        return ordered;
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public String describe() {
        return "cloud credential providers (" + (providers.all().isEmpty() ? "none in this build"
                : String.join(", ", providers.all().stream().map(CredentialProvider::name).toList())) + ")";
    }
}
