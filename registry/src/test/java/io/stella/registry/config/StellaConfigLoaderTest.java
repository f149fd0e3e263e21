package io.stella.registry.config;

import static io.stella.registry.auth.sources.NoSecretLeaks.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StellaConfigLoaderTest {

    @TempDir
    Path dir;

    private final StellaConfigLoader loader = new StellaConfigLoader();

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private RegistryException loadFailure(String yaml) throws IOException {
        Path file = write(yaml);
        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> loader.load(file));
        assertThat(failure).as("loading should fail").isNotNull();
        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(file.toString());
        assertThat(failure.evidence()).containsEntry("file", file.toString());
        return failure;
    }

    @Test
    void loadsAFullRegistryEntryWithSnakeCaseKeys() throws IOException {
        Path file = write("""
                registries:
                  - name: harbor-prod
                    url: https://Harbor.Example.com:8443/
                    type: harbor
                    credentials:
                      username: robot$scanner
                      password_env: HARBOR_PASSWORD
                    tls:
                      ca_cert: /etc/stella/harbor-ca.pem
                      insecure_skip_verify: false
                  - url: http://127.0.0.1:5000
                    credentials:
                      token_env: LOCAL_TOKEN
                    tls:
                      insecure_skip_verify: true
                  - name: files
                    url: registry.example.org
                    type: Quay
                    credentials:
                      username: bot
                      password_file: secrets/quay-password
                """);

        StellaConfig config = loader.load(file);

        assertThat(config.source()).contains(file);
        assertThat(config.registries()).hasSize(3);
        RegistryConfig harbor = config.registries().get(0);
        assertThat(harbor.name()).isEqualTo("harbor-prod");
        assertThat(harbor.hostKey()).isEqualTo("harbor.example.com:8443");
        assertThat(harbor.explicitHttp()).isFalse();
        assertThat(harbor.type()).isEqualTo(RegistryType.HARBOR);
        assertThat(harbor.credentials().username()).isEqualTo("robot$scanner");
        assertThat(harbor.credentials().passwordEnvName()).contains("HARBOR_PASSWORD");
        assertThat(harbor.tls().caCertPath()).contains(Path.of("/etc/stella/harbor-ca.pem"));
        assertThat(harbor.tls().insecureSkipVerify()).isFalse();

        RegistryConfig local = config.registries().get(1);
        assertThat(local.name()).as("name defaults to the host key").isEqualTo("127.0.0.1:5000");
        assertThat(local.type()).isEqualTo(RegistryType.GENERIC);
        assertThat(local.explicitHttp()).isTrue();
        assertThat(local.credentials().tokenEnvName()).contains("LOCAL_TOKEN");
        assertThat(local.tls().insecureSkipVerify()).isTrue();

        RegistryConfig files = config.registries().get(2);
        assertThat(files.type()).isEqualTo(RegistryType.QUAY);
        assertThat(files.credentials().passwordFilePath())
                .as("relative paths are relative to the config file's directory")
                .contains(dir.toAbsolutePath().resolve("secrets/quay-password"));
        assertThat(files.tls()).isEqualTo(TlsConfig.DEFAULT);
    }

    @Test
    void ignoresUnknownTopLevelSections() throws IOException {
        Path file = write("""
                reports:
                  concurrency: 4
                future_section: [1, 2]
                source: /somewhere/else.yaml
                registries:
                  - url: ghcr.io
                    type: ghcr
                """);

        StellaConfig config = loader.load(file);

        assertThat(config.registries()).extracting(RegistryConfig::hostKey).containsExactly("ghcr.io");
        assertThat(config.source()).as("source is where it was loaded from, not a key").contains(file);
    }

    @Test
    void emptyOrCommentOnlyFileIsAnEmptyConfig() throws IOException {
        assertThat(loader.load(write("")).registries()).isEmpty();
        assertThat(loader.load(write("# nothing yet\n")).registries()).isEmpty();
        assertThat(loader.load(write("registries:\n")).registries()).isEmpty();
    }

    @Test
    void vulndbSectionGivesTheMaxAgeAndAPathRelativeToTheFile() throws IOException {
        Path file = write("""
                vulndb:
                  max_age: 36h
                  path: db/stella.db
                """);
        StellaConfig config = loader.load(file);
        assertThat(config.vulndb().maxAgeOrDefault()).isEqualTo(java.time.Duration.ofHours(36));
        assertThat(config.vulndb().path()).isEqualTo(dir.toAbsolutePath().resolve("db/stella.db"));
        assertThat(StellaConfig.empty().vulndb().maxAgeOrDefault()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void vulndbMaxAgeThatIsNotADurationNamesKeyAndFix() throws IOException {
        RegistryException failure = loadFailure("""
                vulndb:
                  max_age: a week
                """);
        assertThat(failure.getMessage()).contains("vulndb.max_age").contains("e.g. 90m, 36h, 7d");
        RegistryException unknown = loadFailure("""
                vulndb:
                  maxage: 7d
                """);
        assertThat(unknown.getMessage()).contains("vulndb.maxage").contains("unknown key");
    }

    @Test
    void unknownKeyInsideARegistryIsAnErrorNamingKeyAndLine() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - name: a
                    url: a.example.com
                  - name: b
                    url: b.example.com
                    verify_tls: false
                """);

        assertThat(failure.getMessage())
                .contains("registries[1].verify_tls")
                .contains("unknown key 'verify_tls'")
                .contains("line 6");
        assertThat(failure.evidence()).containsEntry("key", "registries[1].verify_tls").containsEntry("line", "6");
    }

    @Test
    void unknownKeyInCredentialsNamesTheFullPath() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                    credentials:
                      username: bob
                      password: hunter2-literal
                """);

        assertThat(failure.getMessage())
                .contains("registries[0].credentials.password")
                .contains("line 5")
                .contains("never holds secrets");
        assertNoSecretIn(failure, "hunter2-literal");
    }

    @Test
    void unknownRegistryTypeListsTheAllowedTypes() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                    type: gitlab
                """);

        assertThat(failure.getMessage())
                .contains("registries[0].type")
                .contains("'gitlab'")
                .contains("generic, dockerhub, harbor, quay, nexus, artifactory, acr, ecr, gar, gcr, icr, ghcr")
                .contains("line 3");
    }

    @Test
    void missingUrlIsAnError() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - name: nowhere
                    type: harbor
                """);

        assertThat(failure.getMessage()).contains("registries[0].url").contains("url is required");
        assertThat(failure.evidence()).containsEntry("key", "registries[0].url");
    }

    @Test
    void invalidUrlNamesKeyAndLine() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: ftp://files.example.com
                """);

        assertThat(failure.getMessage()).contains("registries[0].url").contains("ftp://").contains("line 2");
    }

    @Test
    void urlWithRepositoryPathIsAnError() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: harbor.example.com/team/app
                """);

        assertThat(failure.getMessage()).contains("registries[0].url").contains("path");
    }

    @Test
    void wrongValueKindIsAnError() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                    tls:
                      insecure_skip_verify: sometimes
                """);

        assertThat(failure.getMessage())
                .contains("registries[0].tls.insecure_skip_verify")
                .contains("true or false")
                .contains("line 4");
    }

    @Test
    void registriesMustBeAList() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  url: a.example.com
                """);

        assertThat(failure.getMessage()).contains("registries").contains("a list");
    }

    @Test
    void credentialRulesAreCheckedWithTheirKeyPath() throws IOException {
        RegistryException bothPasswords = loadFailure("""
                registries:
                  - url: a.example.com
                    credentials:
                      username: bob
                      password_env: A_PASSWORD
                      password_file: /run/secrets/a
                """);
        assertThat(bothPasswords.getMessage())
                .contains("registries[0].credentials.password_file")
                .contains("either password_env or password_file");

        RegistryException noUser = loadFailure("""
                registries:
                  - url: a.example.com
                  - url: b.example.com
                    credentials:
                      password_env: B_PASSWORD
                """);
        assertThat(noUser.getMessage()).contains("registries[1].credentials.username").contains("required");

        RegistryException noPassword = loadFailure("""
                registries:
                  - url: a.example.com
                    credentials:
                      username: bob
                """);
        assertThat(noPassword.getMessage()).contains("registries[0].credentials.username").contains("needs a password");

        RegistryException tokenAndPassword = loadFailure("""
                registries:
                  - url: a.example.com
                    credentials:
                      username: bob
                      password_env: A_PASSWORD
                      token_env: A_TOKEN
                """);
        assertThat(tokenAndPassword.getMessage()).contains("registries[0].credentials.token_env");
    }

    @Test
    void aSecretPastedAsEnvironmentVariableNameIsRejectedWithoutEchoingIt() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                    credentials:
                      username: bob
                      password_env: "s3cr3t-P@ss!"
                """);

        assertThat(failure.getMessage())
                .contains("registries[0].credentials.password_env")
                .contains("NAME of an environment variable");
        assertNoSecretIn(failure, "s3cr3t-P@ss!");
    }

    @Test
    void duplicateRegistriesAreErrors() throws IOException {
        RegistryException sameHost = loadFailure("""
                registries:
                  - name: one
                    url: https://harbor.example.com
                  - name: two
                    url: HARBOR.example.com/
                """);
        assertThat(sameHost.getMessage())
                .contains("registries[1].url")
                .contains("harbor.example.com is already configured by registries[0]");

        RegistryException sameName = loadFailure("""
                registries:
                  - name: one
                    url: a.example.com
                  - name: one
                    url: b.example.com
                """);
        assertThat(sameName.getMessage()).contains("registries[1].name").contains("'one'");
    }

    @Test
    void duplicateKeyInAMappingIsAnError() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                    url: b.example.com
                """);

        assertThat(failure.getMessage()).contains("registries[0].url").contains("twice").contains("line 3");
    }

    @Test
    void yamlSyntaxErrorGivesTheLine() throws IOException {
        RegistryException failure = loadFailure("""
                registries:
                  - url: a.example.com
                    name: two: colons
                  - url: b.example.com
                """);

        assertThat(failure.getMessage()).contains("not valid YAML").contains("line 3");
        assertThat(failure.evidence()).containsKey("line");
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        RegistryException failure = loadFailure("- url: a.example.com\n");

        assertThat(failure.getMessage()).contains("top level must be a mapping").contains("line 1");
    }

    @Test
    void missingExplicitFileIsAnErrorNamingThePath() {
        Path missing = dir.resolve("nope.yaml");

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> loader.load(missing));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void directoryInsteadOfFileIsAnError() {
        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> loader.load(dir));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(dir.toString()).contains("directory");
    }

    @Test
    void defaultFileComesFromStellaHomeOrTheHomeDirectory() {
        assertThat(StellaConfigLoader.defaultConfigFile(Map.of("STELLA_HOME", "/opt/stella", "HOME", "/home/u")))
                .isEqualTo(Path.of("/opt/stella/config.yaml"));
        assertThat(StellaConfigLoader.defaultConfigFile(Map.of("HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.stella/config.yaml"));
        assertThat(StellaConfigLoader.defaultConfigFile(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".stella", "config.yaml"));
    }

    @Test
    void missingDefaultFileIsAnEmptyConfig() {
        StellaConfig config = loader.loadDefault(Map.of("STELLA_HOME", dir.resolve("absent").toString()));

        assertThat(config.registries()).isEmpty();
        assertThat(config.source()).isEmpty();
    }

    @Test
    void defaultFileIsLoadedFromStellaHome() throws IOException {
        write("registries:\n  - url: quay.io\n    type: quay\n");

        StellaConfig config = loader.loadDefault(Map.of("STELLA_HOME", dir.toString()));

        assertThat(config.forHost("quay.io")).map(RegistryConfig::type).contains(RegistryType.QUAY);
        assertThat(config.source()).contains(dir.resolve("config.yaml"));
    }

    @Test
    void defaultFileIsLoadedFromHomeWhenStellaHomeIsUnset() throws IOException {
        Path stellaDir = Files.createDirectories(dir.resolve(".stella"));
        Files.writeString(stellaDir.resolve("config.yaml"), "registries:\n  - url: gcr.io\n");

        StellaConfig config = loader.loadDefault(Map.of("HOME", dir.toString()));

        assertThat(config.forHost("gcr.io")).isPresent();
    }

    @Test
    void invalidDefaultFileIsStillAnError() throws IOException {
        write("registries:\n  - url: a.example.com\n    colour: blue\n");

        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> loader.loadDefault(Map.of("STELLA_HOME", dir.toString())));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains("registries[0].colour");
    }
}
