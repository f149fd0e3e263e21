package io.stella.registry.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.config.RegistryType;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegistryVendorTest {

    @ParameterizedTest
    @CsvSource({
            "docker.io, DOCKERHUB",
            "registry-1.docker.io, DOCKERHUB",
            "index.docker.io, DOCKERHUB",
            "myregistry.azurecr.io, ACR",
            "MyRegistry.AzureCR.io:443, ACR",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com, ECR",
            "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn, ECR",
            "public.ecr.aws, ECR",
            "europe-west4-docker.pkg.dev, GAR",
            "us-docker.pkg.dev, GAR",
            "gcr.io, GCR",
            "eu.gcr.io, GCR",
            "quay.io, QUAY",
            "ghcr.io, GHCR",
            "registry.gitlab.com, GITLAB",
            "icr.io, ICR",
            "us.icr.io, ICR",
            "de.icr.io:443, ICR",
            "acme.jfrog.io, ARTIFACTORY",
            "harbor.example.com, GENERIC",
            "127.0.0.1:5000, GENERIC",
            "[::1]:5000, GENERIC",
            "evil-azurecr.io.example.com, GENERIC",
            "dkr.ecr.eu-west-1.amazonaws.com, GENERIC",
            "ghcr.io.example.com, GENERIC",
            "notgcr.io, GENERIC"})
    void detectsTheVendorByHost(String host, RegistryVendor expected) {
        assertThat(RegistryVendor.detect(host)).isEqualTo(expected);
    }

    @Test
    void aConfiguredTypeWinsAndGenericFallsBackToTheHost() {
        assertThat(RegistryVendor.of(Optional.of(RegistryType.HARBOR), "127.0.0.1:5000")).isEqualTo(RegistryVendor.HARBOR);
        assertThat(RegistryVendor.of(Optional.of(RegistryType.NEXUS), "ghcr.io")).isEqualTo(RegistryVendor.NEXUS);
        assertThat(RegistryVendor.of(Optional.of(RegistryType.GENERIC), "ghcr.io")).isEqualTo(RegistryVendor.GHCR);
        assertThat(RegistryVendor.of(Optional.of(RegistryType.GENERIC), "127.0.0.1:5000")).isEqualTo(RegistryVendor.GENERIC);
        assertThat(RegistryVendor.of(Optional.empty(), "registry.gitlab.com")).isEqualTo(RegistryVendor.GITLAB);
        for (RegistryType type : RegistryType.values()) {
            assertThat(RegistryVendor.of(type).name()).isEqualTo(type.name());
        }
    }
}
