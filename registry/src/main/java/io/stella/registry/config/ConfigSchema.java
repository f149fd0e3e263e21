package io.stella.registry.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys each section of the config may hold. Sections are named by their key path with list
 * indices left out ({@code registries[].credentials}); sections not listed here (the top level,
 * sections of later stella versions) accept any key. Keep in step with the config records.
 */
final class ConfigSchema {

    private static final Map<String, List<String>> KNOWN_KEYS = Map.of(
            "registries[]", List.of("name", "url", "type", "credentials", "tls"),
            "registries[].credentials", List.of("username", "password_env", "password_file", "token_env"),
            "registries[].tls", List.of("ca_cert", "insecure_skip_verify"),
            "vulndb", List.of("max_age", "path"));

    private ConfigSchema() {
    }

    /** The keys allowed in the mapping at {@code keyPath}, or empty when any key is. */
    static Optional<List<String>> knownKeys(String keyPath) {
        return Optional.ofNullable(KNOWN_KEYS.get(keyPath.replaceAll("\\[\\d+]", "[]")));
    }
}
