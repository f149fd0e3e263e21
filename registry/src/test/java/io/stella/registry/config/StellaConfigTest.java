package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StellaConfigTest {

    private static RegistryConfig registry(String name, String url) {
        return new RegistryConfig(name, RegistryUrl.of(url), null, null, null);
    }

    @ParameterizedTest
    @CsvSource({
            "harbor.example.com, harbor.example.com, false",
            "https://harbor.example.com:8443, harbor.example.com:8443, false",
            "HTTPS://Harbor.Example.com:8443/, harbor.example.com:8443, false",
            "http://127.0.0.1:5000, 127.0.0.1:5000, true",
            "127.0.0.1:5000, 127.0.0.1:5000, false",
            "http://[::1]:5000/, [::1]:5000, true",
            "https://index.docker.io/v1/, docker.io, false",
            "registry-1.docker.io, docker.io, false",
            "localhost:5000/v2/, localhost:5000, false",
    })
    void urlGivesHostKeyAndExplicitHttp(String url, String hostKey, boolean explicitHttp) {
        RegistryConfig registry = registry(null, url);

        assertThat(registry.hostKey()).isEqualTo(hostKey);
        assertThat(registry.explicitHttp()).isEqualTo(explicitHttp);
        assertThat(registry.name()).isEqualTo(hostKey);
    }

    @ParameterizedTest
    @CsvSource({
            "'', empty",
            "ftp://files.example.com, scheme",
            "https://user:pw@harbor.example.com, user name or password",
            "harbor.example.com:99999, out of range",
            "harbor example.com, not a valid host",
            "harbor.example.com/team, path",
    })
    void badUrlsAreRejected(String url, String why) {
        assertThatThrownBy(() -> RegistryUrl.of(url))
                .isInstanceOf(InvalidConfigValueException.class)
                .hasMessageContaining(why);
    }

    @Test
    void urlWithCredentialsIsRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> RegistryUrl.of("https://user:pw-in-url-7@harbor.example.com"))
                .hasMessageNotContaining("pw-in-url-7");
    }

    @Test
    void forHostNormalisesTheQuery() {
        StellaConfig config = new StellaConfig(List.of(
                registry("harbor", "https://harbor.example.com:8443"),
                registry("hub", "docker.io")), Optional.empty());

        assertThat(config.forHost("HARBOR.example.com:8443")).map(RegistryConfig::name).contains("harbor");
        assertThat(config.forHost("https://harbor.example.com:8443/")).map(RegistryConfig::name).contains("harbor");
        assertThat(config.forHost("index.docker.io")).map(RegistryConfig::name).contains("hub");
        assertThat(config.forHost("harbor.example.com")).isEmpty();
        assertThat(config.indexOfHost("docker.io")).hasValue(1);
    }

    @Test
    void defaultsApply() {
        RegistryConfig registry = registry("r", "r.example.com");

        assertThat(registry.type()).isEqualTo(RegistryType.GENERIC);
        assertThat(registry.credentials()).isEqualTo(CredentialsConfig.NONE);
        assertThat(registry.credentials().isConfigured()).isFalse();
        assertThat(registry.tls()).isEqualTo(TlsConfig.DEFAULT);
        assertThat(registry.repositories()).isNull();
        assertThat(registry.listedRepositories()).isEmpty();
        assertThat(registry.filter()).isEqualTo(FilterConfig.NONE);
        assertThat(StellaConfig.empty().registries()).isEmpty();
        assertThat(StellaConfig.empty().scan()).isEqualTo(ScanConfig.defaults());
        assertThat(StellaConfig.empty().store()).isEqualTo(StoreConfig.defaults());
    }

    @Test
    void registryTypeNamesAreTheDocumentedOnes() {
        assertThat(RegistryType.configNames())
                .isEqualTo("generic, dockerhub, harbor, quay, nexus, artifactory, acr, ecr, gar, gcr, icr, ghcr");
    }

    @Test
    void schemaKeysMatchTheRecordComponents() {
        assertThat(ConfigSchema.knownKeys("registries[3]")).contains(snakeCaseComponents(RegistryConfig.class));
        assertThat(ConfigSchema.knownKeys("registries[0].credentials")).contains(snakeCaseComponents(CredentialsConfig.class));
        assertThat(ConfigSchema.knownKeys("registries[12].tls")).contains(snakeCaseComponents(TlsConfig.class));
        assertThat(ConfigSchema.knownKeys("registries[1].filter")).contains(snakeCaseComponents(FilterConfig.class));
        assertThat(ConfigSchema.knownKeys("vulndb")).contains(snakeCaseComponents(VulndbConfig.class));
        assertThat(ConfigSchema.knownKeys("scan")).contains(snakeCaseComponents(ScanConfig.class));
        assertThat(ConfigSchema.knownKeys("store")).contains(snakeCaseComponents(StoreConfig.class));
        assertThat(ConfigSchema.knownKeys("")).isEmpty();
        assertThat(ConfigSchema.knownKeys("reports")).isEmpty();
    }

    @Test
    void credentialRecordsHoldOnlyReferencesToSecrets() {
        CredentialsConfig credentials = new CredentialsConfig("bob", "BOB_PASSWORD", null, null);

        assertThat(credentials.toString()).contains("BOB_PASSWORD");
        assertThat(new CredentialsConfig("bob", null, Path.of("/run/secrets/bob"), null).passwordFilePath())
                .contains(Path.of("/run/secrets/bob"));
    }

    private static List<String> snakeCaseComponents(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
                .collect(Collectors.toList());
    }
}
