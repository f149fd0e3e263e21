package io.stella.registry.auth.sources;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Registry host keys: {@code host[:port]} as written in image references, lower-cased, with Docker Hub
 * as {@code docker.io}. Credential files key their entries loosely (with a scheme, a path, an alias
 * of Docker Hub); everything is compared through {@link #normalise}.
 */
public final class RegistryHosts {

    public static final String DOCKER_HUB = "docker.io";

    /** The key docker stores Docker Hub credentials under, and the server URL helpers expect for it. */
    public static final String DOCKER_HUB_INDEX_URL = "https://index.docker.io/v1/";

    private static final Set<String> DOCKER_HUB_ALIASES =
            Set.of(DOCKER_HUB, "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    private RegistryHosts() {
    }

    /**
     * The host key of a host, URL or credential-file key: scheme and path stripped, lower-cased, Docker
     * Hub aliases mapped to {@code docker.io}. Blank input gives an empty string.
     */
    public static String normalise(String hostOrUrl) {
        String rest = hostOrUrl.strip();
        int schemeEnd = rest.indexOf("://");
        if (schemeEnd >= 0) {
            rest = rest.substring(schemeEnd + 3);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        String host = rest.toLowerCase(Locale.ROOT);
        return DOCKER_HUB_ALIASES.contains(host) ? DOCKER_HUB : host;
    }

    public static boolean isDockerHub(String hostKey) {
        return DOCKER_HUB.equals(normalise(hostKey));
    }

    /** What a docker-credential helper is asked for: Docker Hub by its legacy index URL, others by host key. */
    public static String helperServerUrl(String hostKey) {
        return isDockerHub(hostKey) ? DOCKER_HUB_INDEX_URL : normalise(hostKey);
    }

    /**
     * The credential-file key that stands for {@code hostKey}, as docker matches them: a key equal to
     * the host key first, then the legacy Docker Hub URL, then the first key (in file order) that
     * normalises to the host key, e.g. {@code https://host:5000/v1/} for {@code host:5000}.
     */
    public static Optional<String> matchingKey(Collection<String> keys, String hostKey) {
        String wanted = normalise(hostKey);
        if (keys.contains(wanted)) {
            return Optional.of(wanted);
        }
        if (wanted.equals(DOCKER_HUB) && keys.contains(DOCKER_HUB_INDEX_URL)) {
            return Optional.of(DOCKER_HUB_INDEX_URL);
        }
        return keys.stream().filter(key -> normalise(key).equals(wanted)).findFirst();
    }
}
