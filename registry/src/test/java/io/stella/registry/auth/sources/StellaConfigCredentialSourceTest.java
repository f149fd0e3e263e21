package io.stella.registry.auth.sources;

import static io.stella.registry.auth.sources.NoSecretLeaks.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.config.StellaConfigLoader;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StellaConfigCredentialSourceTest {

    @TempDir
    Path dir;

    private Path configFile;
    private StellaConfig config;

    @BeforeEach
    void writeConfig() throws IOException {
        configFile = dir.resolve("config.yaml");
        Files.writeString(configFile, """
                registries:
                  - name: harbor-prod
                    url: https://harbor.example.com
                    type: harbor
                    credentials:
                      username: robot$scanner
                      password_env: HARBOR_PASSWORD
                  - name: quay
                    url: quay.io
                    credentials:
                      username: quaybot
                      password_file: secrets/quay.txt
                  - name: local
                    url: 127.0.0.1:5000
                    credentials:
                      token_env: LOCAL_TOKEN
                  - name: public
                    url: ghcr.io
                """);
        config = new StellaConfigLoader().load(configFile);
    }

    @Test
    void passwordFromEnvironment() {
        var source = new StellaConfigCredentialSource(config, Map.of("HARBOR_PASSWORD", "harbor-pw-1"));

        ResolvedCredential found = source.lookup("harbor.example.com").orElseThrow();

        assertThat(found.credential()).isEqualTo(new Credential.UsernamePassword("robot$scanner", Secret.of("harbor-pw-1")));
        assertThat(found.origin()).isEqualTo(new CredentialOrigin("stella-config",
                configFile + " registries[harbor-prod] password_env=HARBOR_PASSWORD"));
        assertNoSecretIn(found, "harbor-pw-1");
    }

    @Test
    void passwordFromFileWithTrailingNewlineTrimmed() throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/quay.txt"), "quay pw with spaces \n");
        var source = new StellaConfigCredentialSource(config, Map.of());

        ResolvedCredential found = source.lookup("quay.io").orElseThrow();

        assertThat(found.credential()).isEqualTo(new Credential.UsernamePassword("quaybot", Secret.of("quay pw with spaces ")));
        assertThat(found.origin().detail()).contains("registries[quay]").contains("password_file=" + dir.resolve("secrets/quay.txt"));
    }

    @Test
    void windowsLineEndingIsTrimmedToo() throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/quay.txt"), "crlf-pw\r\n");

        assertThat(new StellaConfigCredentialSource(config, Map.of()).lookup("quay.io").orElseThrow().credential())
                .isEqualTo(new Credential.UsernamePassword("quaybot", Secret.of("crlf-pw")));
    }

    @Test
    void tokenFromEnvironmentIsARegistryToken() {
        var source = new StellaConfigCredentialSource(config, Map.of("LOCAL_TOKEN", "tok-9"));

        ResolvedCredential found = source.lookup("127.0.0.1:5000").orElseThrow();

        assertThat(found.credential()).isEqualTo(new Credential.RegistryToken(Secret.of("tok-9")));
        assertThat(found.origin().detail()).endsWith("registries[local] token_env=LOCAL_TOKEN");
    }

    @Test
    void registriesWithoutCredentialsOrNotConfiguredHaveNone() {
        var source = new StellaConfigCredentialSource(config, Map.of());

        assertThat(source.lookup("ghcr.io")).isEmpty();
        assertThat(source.lookup("docker.io")).isEmpty();
    }

    @Test
    void hostFormsAreNormalised() {
        var source = new StellaConfigCredentialSource(config, Map.of("HARBOR_PASSWORD", "pw"));

        assertThat(source.lookup("HARBOR.example.com")).isPresent();
        assertThat(source.lookup("harbor.example.com:443")).as("another port is another registry").isEmpty();
    }

    @Test
    void unsetVariableIsAnErrorNamingEntryKeyAndVariable() {
        var source = new StellaConfigCredentialSource(config, Map.of("LOCAL_TOKEN", "tok-9"));

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> source.lookup("harbor.example.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage())
                .contains("registries[harbor-prod]")
                .contains("registries[0].credentials.password_env")
                .contains("HARBOR_PASSWORD")
                .contains("not set")
                .contains(configFile.toString());
        assertThat(failure.hint()).contains("HARBOR_PASSWORD");
        assertThat(failure.evidence())
                .containsEntry("env_var", "HARBOR_PASSWORD")
                .containsEntry("registry_entry", "harbor-prod")
                .containsEntry("key", "registries[0].credentials.password_env");
        assertNoSecretIn(failure, "tok-9");
    }

    @Test
    void emptyVariableIsAnError() {
        var source = new StellaConfigCredentialSource(config, Map.of("LOCAL_TOKEN", ""));

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> source.lookup("127.0.0.1:5000"));

        assertThat(failure.getMessage()).contains("registries[2].credentials.token_env").contains("LOCAL_TOKEN").contains("empty");
    }

    @Test
    void missingPasswordFileIsAnErrorNamingTheFile() {
        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> new StellaConfigCredentialSource(config, Map.of()).lookup("quay.io"));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage())
                .contains("registries[quay]")
                .contains("registries[1].credentials.password_file")
                .contains(dir.resolve("secrets/quay.txt").toString())
                .contains("does not exist");
    }

    @Test
    void unreadablePasswordFileIsAnErrorWithoutItsContent() throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path file = Files.writeString(secrets.resolve("quay.txt"), "unreadable-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        boolean rootCanStillRead = Files.isReadable(file);

        var source = new StellaConfigCredentialSource(config, Map.of());
        if (rootCanStillRead) {
            // Running as root: permissions do not stop reading, so make it unreadable another way.
            Files.delete(file);
            Files.createDirectory(file);
        }
        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> source.lookup("quay.io"));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(file.toString()).contains("cannot be read");
        assertNoSecretIn(failure, "unreadable-secret");
    }

    @Test
    void emptyPasswordFileIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/quay.txt"), "\n");

        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> new StellaConfigCredentialSource(config, Map.of()).lookup("quay.io"));

        assertThat(failure.getMessage()).contains("is empty");
    }

    @Test
    void configBuiltInCodeIsLabelledAsStellaConfig() {
        var source = new StellaConfigCredentialSource(StellaConfig.empty(), Map.of());

        assertThat(source.lookup("quay.io")).isEmpty();
        assertThat(source.describe()).contains("stella config");
    }
}
