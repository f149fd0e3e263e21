package io.stella.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryConfigTest {
    @TempDir
    Path dir;

    @Test
    void vendorDiscoverySettingsLoad() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                registries:
                  - name: quay
                    url: quay.example.com
                    type: quay
                    discovery:
                      namespaces: [team-a, team-b]
                      api_url: https://quay-api.example.com:8443
                      api_token_env: QUAY_TOKEN
                """);
        RegistryConfig quay = new StellaConfigLoader().load(file).registries().getFirst();
        assertThat(quay.discovery().namespaces()).containsExactly("team-a", "team-b");
        assertThat(quay.discovery().apiUri()).contains(URI.create("https://quay-api.example.com:8443"));
        assertThat(quay.discovery().apiTokenEnvName()).contains("QUAY_TOKEN");
    }

    @Test
    void anEntryWithoutTheSectionHasNoneAndBadValuesNameTheirKeyAndLine() throws Exception {
        assertThat(new RegistryConfig("r", RegistryUrl.of("r.example.com"), null, null, null).discovery())
                .isEqualTo(DiscoveryConfig.NONE);
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                registries:
                  - url: nexus.example.com
                    discovery:
                      namespaces: [docker-hosted]
                      api_url: ftp://nexus.example.com
                """);
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> new StellaConfigLoader().load(file));
        assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(e.getMessage()).contains("api_url").contains("http(s) URL").contains("line 5");
        assertThat(catchThrowableOfType(InvalidConfigValueException.class,
                () -> new DiscoveryConfig(List.of("team/a"), null, null)).getMessage()).contains("no slashes");
        assertThat(catchThrowableOfType(InvalidConfigValueException.class,
                () -> new DiscoveryConfig(null, "https://user:pw@nexus.example.com", null)).getMessage())
                .contains("must not hold credentials");
    }
}
