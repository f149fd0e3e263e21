package io.stella.registry.auth.sources;

import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.RefreshPolicy;
import io.stella.registry.auth.provider.CloudCredentialSource;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.time.Clock;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.StellaConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks credential sources in order for a registry's credentials; the first that has some wins, and
 * with none the registry is accessed anonymously. A source that fails (a broken helper, a bad file)
 * fails the resolution rather than being skipped: silently going anonymous would hide the problem.
 */
public final class CredentialResolver {

    private final List<CredentialSource> sources;

    public CredentialResolver(List<CredentialSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The standard chain: explicit credentials (when given), stella's config, then docker/podman files
     * and their credential helpers.
     *
     * @param explicit credentials from the command line, for the scanned image's registry
     * @param config   stella's config
     * @param authFile {@code --auth-file}, replacing the default docker/podman files
     * @param env      the environment (PATH, DOCKER_CONFIG, REGISTRY_AUTH_FILE, password variables, …)
     * @param home     the user's home directory
     */
    public static CredentialResolver standard(Optional<ExplicitCredentialSource> explicit, StellaConfig config,
                                              Optional<Path> authFile, Map<String, String> env, Path home) {
        return standard(explicit, config, authFile, env, home, CredentialProviders.installed());
    }

    /** The standard chain with the given cloud providers (after stella's config, before docker's files). */
    public static CredentialResolver standard(Optional<ExplicitCredentialSource> explicit, StellaConfig config,
                                              Optional<Path> authFile, Map<String, String> env, Path home,
                                              CredentialProviders providers) {
        List<CredentialSource> chain = new ArrayList<>();
        explicit.ifPresent(chain::add);
        chain.add(new StellaConfigCredentialSource(config, env));
        chain.add(new CloudCredentialSource(config, providers, env, home, Clock.systemUTC()));
        chain.add(DockerConfigCredentialSource.fromEnvironment(authFile, env, home));
        return new CredentialResolver(chain);
    }

    /**
     * @param registryHost the registry as in image references, {@code host[:port]}, Docker Hub as {@code docker.io}
     * @throws io.stella.registry.failure.RegistryException when a source is broken ({@code CONFIG_INVALID},
     *         {@code AUTH_HELPER_FAILED})
     */
    public ResolvedCredential resolve(String registryHost) {
        String hostKey = RegistryHosts.normalise(registryHost);
        for (CredentialSource source : sources) {
            Optional<ResolvedCredential> found = source.lookup(hostKey);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return ResolvedCredential.anonymous();
    }

    /**
     * The credential for a registry as a lease that renews itself from the source that gave it, when that
     * source is renewable; anonymous access and fixed credentials are fixed leases.
     */
    public CredentialLease lease(String registryHost, RefreshPolicy policy, Clock clock, CredentialLease.Listener listener) {
        String hostKey = RegistryHosts.normalise(registryHost);
        for (CredentialSource source : sources) {
            Optional<ResolvedCredential> found = source.lookup(hostKey);
            if (found.isPresent()) {
                Optional<CredentialLease.Renewal> renewal = source.renewable()
                        ? Optional.of(() -> source.lookup(hostKey).orElseThrow(() -> gone(hostKey, source)))
                        : Optional.empty();
                return new CredentialLease(found.get(), renewal, policy, clock, listener);
            }
        }
        return new CredentialLease(ResolvedCredential.anonymous(), Optional.empty(), policy, clock, listener);
    }

    private static RegistryException gone(String hostKey, CredentialSource source) {
        return RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, "the credentials for " + hostKey
                        + " were removed from " + source.describe() + " while in use")
                .registry(hostKey)
                .hint("Restore them (e.g. docker login " + hostKey + ") and run again.")
                .build();
    }

    /** What each source is, in the order they are asked. */
    public List<String> describeSources() {
        return sources.stream().map(CredentialSource::describe).toList();
    }

    public List<CredentialSource> sources() {
        return sources;
    }
}
