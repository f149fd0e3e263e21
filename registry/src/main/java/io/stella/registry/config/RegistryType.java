package io.stella.registry.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kind of registry, for registry-specific quirks. Written in the config in lower case. */
public enum RegistryType {
    GENERIC, DOCKERHUB, HARBOR, QUAY, NEXUS, ARTIFACTORY, ACR, ECR, GAR, GCR, ICR, GHCR;

    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All config names, comma-separated, for error messages. */
    public static String configNames() {
        return Arrays.stream(values()).map(RegistryType::configName).collect(Collectors.joining(", "));
    }
}
