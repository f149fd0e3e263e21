package io.stella.registry.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code registries:} in the config.
 *
 * @param name         a label for messages; defaults to the url's host key
 * @param url          where the registry is, see {@link RegistryUrl}
 * @param type         the kind of registry; defaults to {@link RegistryType#GENERIC}
 * @param credentials  how to get credentials; defaults to none
 * @param tls          TLS settings; defaults to system trust and full verification
 * @param repositories the repositories a registry scan takes (paths like {@code team-a/app}); null when
 *                     not given, and then they are discovered from the registry's catalog
 * @param filter       which images a registry scan takes; defaults to {@link FilterConfig#NONE}
 * @param discovery    how the vendor API lists repositories; defaults to {@link DiscoveryConfig#NONE}
 * @param autoRefresh  whether stella renews the registry's token or cloud credential by itself; null when not set
 * @param refreshInterval how often to renew it, {@code 30m}, {@code 11h}, {@code 1d}; null when not set
 * @param timeout      network timeout for this registry, {@code 30s}, {@code 2m}; null for the default
 * @param cloud        settings for the type's cloud or vendor credential provider; defaults to none
 */
public record RegistryConfig(String name, RegistryUrl url, RegistryType type, CredentialsConfig credentials,
                             TlsConfig tls, List<String> repositories, FilterConfig filter, DiscoveryConfig discovery,
                             Boolean autoRefresh, String refreshInterval, String timeout, CloudConfig cloud) {

    public RegistryConfig {
        cloud = cloud == null ? CloudConfig.NONE : cloud;
        if (url == null) {
            throw new InvalidConfigValueException("url", "url is required, e.g. url: harbor.example.com");
        }
        if (name == null) {
            name = url.hostKey();
        } else if (name.isBlank()) {
            throw new InvalidConfigValueException("name", "name is empty; give a label or remove the key");
        }
        type = type == null ? RegistryType.GENERIC : type;
        credentials = credentials == null ? CredentialsConfig.NONE : credentials;
        tls = tls == null ? TlsConfig.DEFAULT : tls;
        repositories = RepositoryPaths.check(repositories, url.hostKey());
        filter = filter == null ? FilterConfig.NONE : filter;
        discovery = discovery == null ? DiscoveryConfig.NONE : discovery;
        if (refreshInterval != null) {
            refreshIntervalOf(refreshInterval);
        }
        if (timeout != null) {
            timeoutOf(timeout);
        }
    }

    public RegistryConfig(String name, RegistryUrl url, RegistryType type, CredentialsConfig credentials, TlsConfig tls,
                          List<String> repositories, FilterConfig filter, DiscoveryConfig discovery,
                          Boolean autoRefresh, String refreshInterval, String timeout) {
        this(name, url, type, credentials, tls, repositories, filter, discovery, autoRefresh, refreshInterval, timeout,
                null);
    }

    public RegistryConfig(String name, RegistryUrl url, RegistryType type, CredentialsConfig credentials, TlsConfig tls,
                          List<String> repositories, FilterConfig filter, DiscoveryConfig discovery) {
        this(name, url, type, credentials, tls, repositories, filter, discovery, null, null, null);
    }

    public RegistryConfig(String name, RegistryUrl url, RegistryType type, CredentialsConfig credentials, TlsConfig tls,
                          List<String> repositories, FilterConfig filter) {
        this(name, url, type, credentials, tls, repositories, filter, null);
    }

    /** An entry that discovers its repositories and filters nothing. */
    public RegistryConfig(String name, RegistryUrl url, RegistryType type, CredentialsConfig credentials, TlsConfig tls) {
        this(name, url, type, credentials, tls, null, null, null);
    }

    /** {@code host[:port]} as in image references, lower-cased, Docker Hub as {@code docker.io}. */
    public String hostKey() {
        return url.hostKey();
    }

    /** Whether the url said {@code http://} explicitly. */
    public boolean explicitHttp() {
        return url.explicitHttp();
    }

    /** The repositories listed in the config; empty when they are to be discovered from the catalog. */
    public Optional<List<String>> listedRepositories() {
        return Optional.ofNullable(repositories);
    }

    public Optional<Duration> refreshIntervalDuration() {
        return Optional.ofNullable(refreshInterval).map(RegistryConfig::refreshIntervalOf);
    }

    public Optional<Duration> timeoutDuration() {
        return Optional.ofNullable(timeout).map(RegistryConfig::timeoutOf);
    }

    /** This entry with the repositories a registry scan takes given (found by a cloud API, for example). */
    public RegistryConfig withRepositories(List<String> paths) {
        return new RegistryConfig(name, url, type, credentials, tls, paths, filter, discovery, autoRefresh,
                refreshInterval, timeout, cloud);
    }

    /**
     * A further registry found through this entry's credential provider (an AWS Organizations member account's
     * registry): this entry's settings for another host, named {@code <name>/<host>}, with its repositories.
     */
    public RegistryConfig member(String host, List<String> paths) {
        return new RegistryConfig(name + "/" + host, RegistryUrl.of("https://" + host), type, credentials, tls, paths,
                filter, discovery, autoRefresh, refreshInterval, timeout, cloud);
    }

    RegistryConfig resolvedAgainst(Path directory) {
        return new RegistryConfig(name, url, type, credentials.resolvedAgainst(directory), tls.resolvedAgainst(directory),
                repositories, filter, discovery, autoRefresh, refreshInterval, timeout, cloud);
    }

    private static Duration refreshIntervalOf(String text) {
        return ConfigDurations.parse("refresh_interval", text, "smhd", "30m, 11h, 1d");
    }

    private static Duration timeoutOf(String text) {
        return ConfigDurations.parse("timeout", text, "smh", "30s, 2m");
    }
}
