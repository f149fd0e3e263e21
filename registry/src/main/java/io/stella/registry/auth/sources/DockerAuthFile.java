package io.stella.registry.auth.sources;

import io.stella.registry.auth.Credential;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The credential-relevant contents of one docker {@code config.json} / containers {@code auth.json}.
 *
 * @param path             the file
 * @param keyPrefix        where the docker config sits inside the file: empty, or e.g.
 *                         {@code data[".dockerconfigjson"].} for a Kubernetes Secret
 * @param credentialsByKey usable {@code auths} entries by their key as written, in file order
 * @param credHelpers      {@code credHelpers}: registry key to helper name, in file order
 * @param credsStore       {@code credsStore}: the helper for every registry
 */
record DockerAuthFile(Path path, String keyPrefix, Map<String, Credential> credentialsByKey,
                      Map<String, String> credHelpers, Optional<String> credsStore) {

    DockerAuthFile {
        credentialsByKey = Collections.unmodifiableMap(new LinkedHashMap<>(credentialsByKey));
        credHelpers = Collections.unmodifiableMap(new LinkedHashMap<>(credHelpers));
    }

    static DockerAuthFile empty(Path path) {
        return new DockerAuthFile(path, "", Map.of(), Map.of(), Optional.empty());
    }

    Optional<String> authKeyFor(String hostKey) {
        return RegistryHosts.matchingKey(credentialsByKey.keySet(), hostKey);
    }

    Optional<String> helperKeyFor(String hostKey) {
        return RegistryHosts.matchingKey(credHelpers.keySet(), hostKey);
    }

    /** A key path for messages and origins, e.g. {@code auths["127.0.0.1:5000"]}. */
    String keyPath(String section, String key) {
        return keyPath(keyPrefix, section, key);
    }

    static String keyPath(String prefix, String section, String key) {
        return prefix + section + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
