package io.stella.registry.auth.sources;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A credential helper named in a docker/podman credential file, for diagnostics.
 *
 * @param name        the helper's name without the prefix, e.g. {@code pass}, {@code ecr-login}
 * @param file        the file that names it
 * @param configuredBy the key that names it, e.g. {@code credHelpers["harbor.example.com"]} or {@code credsStore}
 * @param registryKey the registry key of a {@code credHelpers} entry; empty for {@code credsStore}
 */
public record ConfiguredHelper(String name, Path file, String configuredBy, Optional<String> registryKey) {

    public String binary() {
        return CredentialHelperClient.binaryName(name);
    }
}
