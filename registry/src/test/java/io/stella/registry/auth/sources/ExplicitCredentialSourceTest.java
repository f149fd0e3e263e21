package io.stella.registry.auth.sources;

import static io.stella.registry.auth.sources.NoSecretLeaks.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import org.junit.jupiter.api.Test;

class ExplicitCredentialSourceTest {

    private final ExplicitCredentialSource source =
            new ExplicitCredentialSource("https://Harbor.Example.com:8443/", "admin", Secret.of("cli-pw-42"));

    @Test
    void appliesToItsOwnRegistryOnly() {
        ResolvedCredential found = source.lookup("harbor.example.com:8443").orElseThrow();

        assertThat(found.credential()).isEqualTo(new Credential.UsernamePassword("admin", Secret.of("cli-pw-42")));
        assertThat(found.origin()).isEqualTo(new CredentialOrigin("explicit", "--username/--password-stdin"));
        assertThat(source.lookup("harbor.example.com")).isEmpty();
        assertThat(source.lookup("docker.io")).isEmpty();
    }

    @Test
    void dockerHubAliasesAreTheSameRegistry() {
        var hub = new ExplicitCredentialSource("index.docker.io", "me", Secret.of("pw"), "--username/--password-env");

        assertThat(hub.registryHost()).isEqualTo("docker.io");
        assertThat(hub.lookup("docker.io")).map(r -> r.origin().detail()).contains("--username/--password-env");
    }

    @Test
    void neverShowsThePassword() {
        assertNoSecretIn(source, "cli-pw-42");
        assertNoSecretIn(source.lookup("harbor.example.com:8443").orElseThrow(), "cli-pw-42");
        assertThat(source.describe()).contains("harbor.example.com:8443").doesNotContain("cli-pw-42");
    }
}
