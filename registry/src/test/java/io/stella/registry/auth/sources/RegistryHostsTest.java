package io.stella.registry.auth.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryHostsTest {

    @ParameterizedTest
    @CsvSource({
            "harbor.example.com, harbor.example.com",
            "HARBOR.Example.COM, harbor.example.com",
            "https://harbor.example.com:8443, harbor.example.com:8443",
            "https://harbor.example.com:8443/, harbor.example.com:8443",
            "http://127.0.0.1:5000/v2/, 127.0.0.1:5000",
            "127.0.0.1:5000, 127.0.0.1:5000",
            "quay.io/team/app, quay.io",
            "docker.io, docker.io",
            "index.docker.io, docker.io",
            "registry-1.docker.io, docker.io",
            "registry.hub.docker.com, docker.io",
            "https://index.docker.io/v1/, docker.io",
            "'  ghcr.io  ', ghcr.io",
    })
    void normalisesToTheHostKey(String input, String hostKey) {
        assertThat(RegistryHosts.normalise(input)).isEqualTo(hostKey);
    }

    @Test
    void helpersAreAskedForDockerHubByItsLegacyIndexUrl() {
        assertThat(RegistryHosts.helperServerUrl("docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(RegistryHosts.helperServerUrl("registry-1.docker.io")).isEqualTo("https://index.docker.io/v1/");
        assertThat(RegistryHosts.helperServerUrl("harbor.example.com:8443")).isEqualTo("harbor.example.com:8443");
    }

    @Test
    void exactKeyWinsOverNormalisedKeys() {
        List<String> keys = List.of("https://host:5000/v1/", "host:5000");

        assertThat(RegistryHosts.matchingKey(keys, "host:5000")).contains("host:5000");
    }

    @Test
    void normalisedKeysMatchInFileOrder() {
        List<String> keys = List.of("other.example.com", "https://host:5000/v1/", "http://host:5000");

        assertThat(RegistryHosts.matchingKey(keys, "host:5000")).contains("https://host:5000/v1/");
        assertThat(RegistryHosts.matchingKey(keys, "host:5001")).isEmpty();
        assertThat(RegistryHosts.matchingKey(keys, "host")).as("the port is part of the key").isEmpty();
    }

    @Test
    void dockerHubMatchesItsLegacyKeyAndAliases() {
        assertThat(RegistryHosts.matchingKey(List.of("registry-1.docker.io", "https://index.docker.io/v1/"), "docker.io"))
                .as("the legacy index URL is docker's own key and is preferred")
                .contains("https://index.docker.io/v1/");
        assertThat(RegistryHosts.matchingKey(List.of("index.docker.io"), "docker.io")).contains("index.docker.io");
        assertThat(RegistryHosts.matchingKey(List.of("docker.io"), "registry-1.docker.io")).contains("docker.io");
    }
}
