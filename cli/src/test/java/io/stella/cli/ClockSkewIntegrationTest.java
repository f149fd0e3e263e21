package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.cli.doctor.CheckResult;
import io.stella.cli.doctor.ClockSkewCheck;
import io.stella.cli.doctor.DoctorContext;
import io.stella.cli.doctor.RegistryAccessor;
import io.stella.cli.doctor.RegistryTarget;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryUrl;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.http.TlsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The clock-skew check against the real token registry, with the local clock set off by the test: the registry's
 * Date header and its token's iat are what the check compares with.
 */
class ClockSkewIntegrationTest extends CliIntegrationTestBase {

    private CheckResult checkWithLocalClockOff(Duration offset) {
        RegistryConfig registry = new RegistryConfig("tok", RegistryUrl.of(r.url(Mode.TOKEN)), null, null, null);
        TlsSettings trust = new TlsSettings(List.of(r.caPem), false);
        RegistryAccessor accessor = new RegistryAccessor() {
            @Override
            public RegistryClient clientFor(RegistryTarget target) {
                return RegistryClient.builder(Endpoint.parse(r.host(Mode.TOKEN), false))
                        .credential(new ResolvedCredential(new Credential.UsernamePassword(Registries.ALICE,
                                Secret.of(Registries.TOKEN_ALICE_PASSWORD)), new CredentialOrigin("explicit", "test")))
                        .tls(trust).build();
            }

            @Override
            public TlsSettings tlsFor(RegistryConfig config) {
                return trust;
            }
        };
        DoctorContext context = new DoctorContext(new StellaConfig(List.of(registry), Optional.empty()), Map.of(),
                Clock.offset(Clock.systemUTC(), offset), Duration.ofSeconds(10), accessor, List.of(),
                Path.of("/nonexistent"), () -> {
                    throw new IllegalStateException("no store in this test");
                });
        return new ClockSkewCheck().check(context, RegistryTarget.of(registry));
    }

    @Test
    void agreeingClocksPass() {
        CheckResult result = checkWithLocalClockOff(Duration.ZERO);

        assertThat(result.status()).as(result.toString()).isEqualTo(CheckResult.Status.PASS);
        assertThat(result.evidence()).containsKeys("date_header", "token_iat");
    }

    @Test
    void aClockThreeMinutesOffWarns() {
        CheckResult result = checkWithLocalClockOff(Duration.ofMinutes(3));

        assertThat(result.status()).as(result.toString()).isEqualTo(CheckResult.Status.WARN);
        assertThat(result.summary()).containsPattern("clocks differ by 1[78]\\d s");
        assertThat(result.fix()).contains("NTP");
    }

    @Test
    void aClockTenMinutesBehindFails() {
        CheckResult result = checkWithLocalClockOff(Duration.ofMinutes(-10));

        assertThat(result.status()).as(result.toString()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(result.summary()).contains("tokens will be rejected");
    }
}
