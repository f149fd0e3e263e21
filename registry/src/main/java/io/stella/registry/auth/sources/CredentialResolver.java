package io.stella.registry.auth.sources;

import io.stella.registry.auth.CredentialSource;
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
        List<CredentialSource> chain = new ArrayList<>();
        explicit.ifPresent(chain::add);
        chain.add(new StellaConfigCredentialSource(config, env));
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

    /** What each source is, in the order they are asked. */
    public List<String> describeSources() {
        return sources.stream().map(CredentialSource::describe).toList();
    }

    public List<CredentialSource> sources() {
        return sources;
    }
}
