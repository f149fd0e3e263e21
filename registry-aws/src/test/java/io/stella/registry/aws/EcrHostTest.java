package io.stella.registry.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EcrHostTest {

    @Test
    void standardHostNamesAccountAndRegion() {
        assertThat(EcrHost.parse("111122223333.dkr.ecr.eu-west-1.amazonaws.com"))
                .contains(new EcrHost("111122223333", "eu-west-1", false, false));
    }

    @Test
    void fipsHost() {
        assertThat(EcrHost.parse("111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com"))
                .contains(new EcrHost("111122223333", "us-gov-west-1", true, false));
    }

    @Test
    void chinaHost() {
        EcrHost host = EcrHost.parse("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn").orElseThrow();
        assertThat(host).isEqualTo(new EcrHost("111122223333", "cn-north-1", false, true));
        assertThat(host.host()).isEqualTo("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void otherHostsAreNotEcr() {
        assertThat(EcrHost.parse("registry.example.com")).isEmpty();
        assertThat(EcrHost.parse("1111.dkr.ecr.eu-west-1.amazonaws.com")).as("account ids have 12 digits").isEmpty();
        assertThat(EcrHost.parse("111122223333.dkr.ecr.eu-west-1.amazonaws.com.evil.example")).isEmpty();
    }

    @Test
    void aHostThatIsNotEcrWithoutRegionIsConfigInvalid() {
        var context = Contexts.context(Contexts.entry("registry.example.com", Map.of()), Map.of(), Path.of("/nonexistent"),
                Clock.systemUTC());
        assertThatThrownBy(() -> EcrSettings.of(context).entryTarget(context))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.hint()).contains("<account>.dkr.ecr.<region>.amazonaws.com", "cloud.region");
                });
    }

    @Test
    void aCustomDomainTakesRegionAndRegistryIdFromSettings() {
        var context = Contexts.context(Contexts.entry("ecr.example.com", Map.of("region", "eu-central-1",
                "registry_id", "444455556666")), Map.of(), Path.of("/nonexistent"), Clock.systemUTC());
        EcrTarget target = EcrSettings.of(context).entryTarget(context);
        assertThat(target.region()).isEqualTo("eu-central-1");
        assertThat(target.registryId()).isEqualTo(Optional.of("444455556666"));
        assertThat(target.host()).isEqualTo("ecr.example.com");
    }
}
