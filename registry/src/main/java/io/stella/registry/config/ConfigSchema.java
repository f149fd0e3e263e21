package io.stella.registry.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys each section of the config may hold. Sections are named by their key path with list
 * indices left out ({@code registries[].credentials}); sections not listed here (the top level,
 * sections of later stella versions) accept any key. Keep in step with the config records.
 */
public final class ConfigSchema {

    private static final Map<String, List<String>> KNOWN_KEYS = Map.of(
            "registries[]", List.of("name", "url", "type", "credentials", "tls", "repositories", "filter", "discovery",
                    "auto_refresh", "refresh_interval", "timeout", "cloud"),
            "registries[].discovery", List.of("namespaces", "api_url", "api_token_env"),
            "registries[].credentials", List.of("username", "password_env", "password_file", "token_env",
                    "password_encrypted"),
            "registries[].tls", List.of("ca_cert", "insecure_skip_verify"),
            "registries[].filter", List.of("include", "exclude", "max_age_days", "max_tags_per_repository",
                    "max_repositories_per_registry"),
            "vulndb", List.of("max_age", "path"),
            "scan", List.of("max_workers", "timeout_per_image", "max_concurrent_requests_per_registry"),
            "store", List.of("url", "path", "username", "password_env", "password_file"),
            "alerts", List.of("webhook_url"));

    // Keys for which "key:" with nothing after it (null) is a mistake rather than "the default".
    private static final Map<String, String> VALUE_REQUIRED = Map.of(
            // a list forgotten, not a wish to discover every repository
            "registries[].repositories", RepositoryPaths.EMPTY_LIST);

    private ConfigSchema() {
    }

    /** The keys allowed in the mapping at {@code keyPath}, or empty when any key is. */
    public static Optional<List<String>> knownKeys(String keyPath) {
        return Optional.ofNullable(KNOWN_KEYS.get(section(keyPath)));
    }

    /** What is wrong when the key at {@code keyPath} is given without a value, or empty when that means the default. */
    static Optional<String> problemWithoutValue(String keyPath) {
        return Optional.ofNullable(VALUE_REQUIRED.get(section(keyPath)));
    }

    private static String section(String keyPath) {
        return keyPath.replaceAll("\\[\\d+]", "[]");
    }
}
