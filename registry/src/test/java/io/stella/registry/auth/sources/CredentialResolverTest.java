package io.stella.registry.auth.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialResolverTest {

    @TempDir
    Path dir;

    private Path home;
    private StellaConfig config;
    private Map<String, String> env;

    @BeforeEach
    void writeFiles() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Path dockerDir = Files.createDirectories(home.resolve(".docker"));
        Files.writeString(dockerDir.resolve("config.json"), """
                {"auths": {
                  "harbor.example.com": {"auth": "%s"},
                  "quay.io": {"auth": "%s"}
                }}
                """.formatted(base64("docker-user:docker-pw"), base64("quay-docker:quay-pw")));
        Path configFile = dir.resolve("config.yaml");
        Files.writeString(configFile, """
                registries:
                  - name: harbor
                    url: harbor.example.com
                    credentials:
                      username: config-user
                      password_env: HARBOR_PW
                """);
        config = new StellaConfigLoader().load(configFile);
        env = Map.of("HARBOR_PW", "config-pw", "PATH", "/usr/bin:/bin");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void standardChainOrderIsExplicitThenConfigThenDockerFiles() {
        var explicit = new ExplicitCredentialSource("harbor.example.com", "cli-user", Secret.of("cli-pw"));
        CredentialResolver withExplicit = CredentialResolver.standard(Optional.of(explicit), config, Optional.empty(), env, home);
        CredentialResolver withoutExplicit = CredentialResolver.standard(Optional.empty(), config, Optional.empty(), env, home);

        assertThat(withExplicit.resolve("harbor.example.com").origin().source()).isEqualTo("explicit");
        assertThat(withoutExplicit.resolve("harbor.example.com").credential())
                .isEqualTo(new Credential.UsernamePassword("config-user", Secret.of("config-pw")));
        assertThat(withoutExplicit.resolve("quay.io").origin().source()).isEqualTo("auth-file");
        assertThat(withExplicit.resolve("quay.io").credential())
                .as("explicit credentials do not leak to another registry")
                .isEqualTo(new Credential.UsernamePassword("quay-docker", Secret.of("quay-pw")));
    }

    @Test
    void nothingFoundIsAnonymous() {
        ResolvedCredential resolved = CredentialResolver.standard(Optional.empty(), config, Optional.empty(), env, home)
                .resolve("ghcr.io");

        assertThat(resolved.isAnonymous()).isTrue();
        assertThat(resolved.origin()).isEqualTo(CredentialOrigin.anonymous());
    }

    @Test
    void describesSourcesInOrder() {
        var explicit = new ExplicitCredentialSource("harbor.example.com", "cli-user", Secret.of("cli-pw"));

        List<String> described = CredentialResolver.standard(Optional.of(explicit), config, Optional.empty(), env, home)
                .describeSources();

        assertThat(described).hasSize(4);
        assertThat(described.get(0)).startsWith("explicit credentials for harbor.example.com");
        assertThat(described.get(1)).startsWith("stella config");
        assertThat(described.get(2)).startsWith("cloud credential providers");
        assertThat(described.get(3)).contains(home.resolve(".docker/config.json").toString());
        assertThat(String.join("\n", described)).doesNotContain("cli-pw").doesNotContain("config-pw");
    }

    @Test
    void firstMatchWinsAndLaterSourcesAreNotAsked() {
        List<String> asked = new ArrayList<>();
        CredentialSource first = recording("first", asked, Optional.empty());
        CredentialSource second = recording("second", asked, Optional.of(new ResolvedCredential(
                new Credential.RegistryToken(Secret.of("t")), new CredentialOrigin("test", "second"))));
        CredentialSource third = recording("third", asked, Optional.empty());

        ResolvedCredential resolved = new CredentialResolver(List.of(first, second, third)).resolve("Registry-1.Docker.io");

        assertThat(resolved.origin().detail()).isEqualTo("second");
        assertThat(asked).containsExactly("first docker.io", "second docker.io");
    }

    @Test
    void aBrokenSourceFailsTheResolutionInsteadOfFallingBackToAnonymous() {
        CredentialResolver resolver = CredentialResolver.standard(Optional.empty(), config, Optional.empty(),
                Map.of("PATH", "/usr/bin:/bin"), home);

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> resolver.resolve("harbor.example.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains("HARBOR_PW");
    }

    private static CredentialSource recording(String name, List<String> asked, Optional<ResolvedCredential> answer) {
        return new CredentialSource() {
            @Override
            public Optional<ResolvedCredential> lookup(String registryHost) {
                asked.add(name + " " + registryHost);
                return answer;
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
