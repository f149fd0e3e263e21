package io.stella.registry.auth.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.CloudConfig;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.config.RegistryUrl;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialProvidersTest {

    /** A provider that hands out the region it was configured with as the password. */
    static final class RegionProvider implements CredentialProvider {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public Set<RegistryType> types() {
            return Set.of(RegistryType.ECR);
        }

        @Override
        public Set<String> settingKeys() {
            return Set.of("region", "allow_list_regions");
        }

        @Override
        public ResolvedCredential fetch(ProviderContext context, String registryHost) {
            return new ResolvedCredential(new Credential.UsernamePassword("AWS",
                    Secret.of(context.require("region", "eu-west-1"))), new CredentialOrigin("cloud:test", registryHost));
        }
    }

    private static RegistryConfig entry(String url, RegistryType type, Map<String, Object> cloud) {
        return new RegistryConfig(null, RegistryUrl.of(url), type, null, null, null, null, null, null, null, null,
                new CloudConfig(cloud));
    }

    @Test
    void unknownCloudKeysAreRefusedNamingTheKeyAndTheKnownOnes() {
        CredentialProviders providers = new CredentialProviders(List.of(new RegionProvider()));
        RegistryConfig typo = entry("1.dkr.ecr.eu-west-1.amazonaws.com", RegistryType.ECR, Map.of("regoin", "x"));

        assertThatThrownBy(() -> providers.forRegistry(typo)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("unknown key cloud.regoin")
                .satisfies(e -> assertThat(((RegistryException) e).hint()).contains("allow_list_regions, region"));
    }

    @Test
    void aCloudSectionWithoutAProviderIsAConfigError() {
        CredentialProviders none = new CredentialProviders(List.of());
        RegistryConfig harbor = entry("harbor.example.com", RegistryType.HARBOR, Map.of("region", "x"));

        assertThatThrownBy(() -> none.forRegistry(harbor)).isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).code()).isEqualTo(FailureCode.CONFIG_INVALID))
                .hasMessageContaining("no credential provider for type harbor");
        assertThat(none.forRegistry(entry("harbor.example.com", RegistryType.HARBOR, Map.of()))).isEmpty();
    }

    @Test
    void theCloudSourceAsksTheProviderOfTheHostsEntryOnly() {
        RegistryConfig ecr = entry("1.dkr.ecr.eu-west-1.amazonaws.com", RegistryType.ECR,
                Map.of("region", "eu-west-1", "allow_list_regions", List.of("eu-west-1", "us-east-1")));
        StellaConfig config = new StellaConfig(List.of(ecr, entry("other.example.com", RegistryType.GENERIC, Map.of())),
                java.util.Optional.empty());
        CloudCredentialSource source = new CloudCredentialSource(config,
                new CredentialProviders(List.of(new RegionProvider())), Map.of(), Path.of("/nonexistent"), Clock.systemUTC());

        ResolvedCredential found = source.lookup("1.dkr.ecr.eu-west-1.amazonaws.com").orElseThrow();
        assertThat(((Credential.UsernamePassword) found.credential()).password().reveal()).isEqualTo("eu-west-1");
        assertThat(source.lookup("other.example.com")).as("a generic registry is not the provider's").isEmpty();
        assertThat(source.renewable()).isTrue();
        assertThat(ecr.cloud().strings("allow_list_regions")).containsExactly("eu-west-1", "us-east-1");
        assertThatThrownBy(() -> ecr.cloud().string("allow_list_regions")).hasMessageContaining("not a list");
    }
}
