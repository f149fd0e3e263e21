package io.stella.registry.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The {@code discovery:} section of a registry entry: how a registry scan asks a vendor API (Harbor, Quay,
 * Nexus, Artifactory) for repositories.
 *
 * @param namespaces   Harbor projects, Quay organisations, Nexus repositories or Artifactory repository keys to
 *                     list; empty for all the credential can see
 * @param apiUrl       where the vendor API is when not on the registry host (a Nexus REST port, a context path)
 * @param apiTokenEnv  the environment variable holding an API token (Quay's API takes OAuth tokens only)
 */
public record DiscoveryConfig(List<String> namespaces, String apiUrl, String apiTokenEnv) {
    public static final DiscoveryConfig NONE = new DiscoveryConfig(null, null, null);

    public DiscoveryConfig {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        for (int i = 0; i < namespaces.size(); i++) {
            String namespace = namespaces.get(i);
            if (namespace == null || namespace.isBlank() || namespace.contains("/")) {
                throw new InvalidConfigValueException("namespaces[" + i + "]", "namespace '" + namespace
                        + "' is not a project, organisation or repository name (no slashes)");
            }
        }
        if (apiUrl != null) {
            URI uri;
            try {
                uri = URI.create(apiUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigValueException("api_url", "api_url '" + apiUrl + "' is not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidConfigValueException("api_url",
                        "api_url '" + apiUrl + "' must be an http(s) URL with a host, e.g. https://nexus.example.com:8081");
            }
            if (uri.getUserInfo() != null) {
                throw new InvalidConfigValueException("api_url",
                        "api_url must not hold credentials; use the registry's credentials or api_token_env");
            }
        }
        if (apiTokenEnv != null) {
            EnvVarNames.check("api_token_env", apiTokenEnv);
        }
    }

    public Optional<URI> apiUri() {
        return Optional.ofNullable(apiUrl).map(u -> URI.create(u.strip()));
    }

    public Optional<String> apiTokenEnvName() {
        return Optional.ofNullable(apiTokenEnv);
    }
}
