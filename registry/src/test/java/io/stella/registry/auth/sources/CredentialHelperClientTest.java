package io.stella.registry.auth.sources;

import static io.stella.registry.auth.sources.NoSecretLeaks.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHelperClientTest {

    @TempDir
    Path dir;

    private HelperScripts helpers;

    @BeforeEach
    void writeHelpers() throws IOException {
        helpers = new HelperScripts(dir.resolve("bin")).good().none().broken().slow().garbage("leaked-secret-77");
    }

    @Test
    void readsUsernameAndSecretAndSendsTheHostKeyOnStdin() throws IOException {
        Optional<Credential> credential = helpers.client().get("good", "harbor.example.com:8443");

        assertThat(credential).contains(
                new Credential.UsernamePassword("helper-user", Secret.of(HelperScripts.HELPER_SECRET)));
        assertThat(helpers.lastRequest("good")).isEqualTo("harbor.example.com:8443");
    }

    @Test
    void asksForDockerHubByTheLegacyIndexUrlAndReadsAnIdentityToken() throws IOException {
        Optional<Credential> credential = helpers.client().get("good", "docker.io");

        assertThat(helpers.lastRequest("good")).isEqualTo("https://index.docker.io/v1/");
        assertThat(credential).containsInstanceOf(Credential.IdentityToken.class);
        assertThat(((Credential.IdentityToken) credential.orElseThrow()).token().reveal()).isEqualTo(HelperScripts.HUB_TOKEN);
        assertNoSecretIn(credential.orElseThrow(), HelperScripts.HUB_TOKEN);
    }

    @Test
    void credentialsNotFoundIsEmpty() {
        assertThat(helpers.client().get("none", "harbor.example.com")).isEmpty();
        assertThat(helpers.client().get("good", "unknown.example.com")).isEmpty();
    }

    @Test
    void failingHelperReportsExitCodeAndStderr() {
        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> helpers.client().get("broken", "harbor.example.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("docker-credential-broken").contains("exit code 2");
        assertThat(failure.registry()).isEqualTo("harbor.example.com");
        assertThat(failure.evidence())
                .containsEntry("helper", "docker-credential-broken")
                .containsEntry("exit_code", "2")
                .containsEntry("stderr", "error: the keyring is locked\nrun 'keyring unlock' first");
    }

    @Test
    void missingHelperIsNamedAsNotInstalled() {
        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> helpers.client().get("ecr-login", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("docker-credential-ecr-login").contains("not installed or not on PATH");
        assertThat(failure.hint()).contains("docker-credential-ecr-login");
        assertThat(failure.evidence().get("search_path")).startsWith(helpers.bin().toString());
    }

    @Test
    void nonExecutableFileIsNotAHelper() throws IOException {
        Files.writeString(helpers.bin().resolve("docker-credential-plain"), "#!/bin/sh\necho '{}'\n");

        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> helpers.client().get("plain", "harbor.example.com"));

        assertThat(failure.getMessage()).contains("docker-credential-plain is not installed");
    }

    @Test
    void helperNameCannotEscapeTheSearchPath() {
        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> helpers.client().get("../../bin/sh", "harbor.example.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("not a valid credential helper name");
    }

    @Test
    void hangingHelperIsKilledAfterTheTimeoutWithItsChildren() throws Exception {
        CredentialHelperClient client = CredentialHelperClient.fromEnvironment(helpers.env(), Duration.ofMillis(700));
        long start = System.nanoTime();

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> client.get("slow", "harbor.example.com"));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("docker-credential-slow").contains("did not answer within 700 ms");
        assertThat(failure.evidence()).containsEntry("timeout", "700 ms");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        long sleepPid = Long.parseLong(Files.readString(helpers.bin().resolve("slow.pid")).strip());
        Optional<ProcessHandle> sleep = ProcessHandle.of(sleepPid);
        if (sleep.isPresent()) {
            sleep.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(sleepPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void outputThatIsNotCredentialJsonFailsWithoutQuotingIt() {
        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> helpers.client().get("garbage", "harbor.example.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("docker-credential-garbage").contains("credential JSON");
        assertNoSecretIn(failure, "leaked-secret-77");
    }

    @Test
    void jsonWithWrongFieldTypesIsMalformed() throws IOException {
        helpers.script("numbers", "cat >/dev/null; echo '{\"Username\": 1, \"Secret\": 2}'\n");

        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> helpers.client().get("numbers", "harbor.example.com"));

        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
    }

    @Test
    void helperGetsTheInjectedEnvironmentOnly() throws IOException {
        helpers.script("env", """
                cat > /dev/null
                printf '{"Username":"%s","Secret":"%s"}' "$HELPER_USER" "${JAVA_HOME:-unset}"
                """);

        Optional<Credential> credential = helpers.client().get("env", "harbor.example.com");

        assertThat(credential).contains(new Credential.UsernamePassword("helper-user", Secret.of("unset")));
    }

    @Test
    void explicitSearchPathIsUsedInsteadOfPath() {
        CredentialHelperClient client = new CredentialHelperClient(List.of(dir.resolve("empty"), helpers.bin()),
                Map.of("PATH", "/usr/bin:/bin", "HELPER_USER", "from-search-path"), Duration.ofSeconds(10));

        assertThat(client.findHelper("good")).contains(helpers.bin().resolve("docker-credential-good"));
        assertThat(client.get("good", "quay.io")).contains(
                new Credential.UsernamePassword("from-search-path", Secret.of(HelperScripts.HELPER_SECRET)));
    }

    @Test
    void realDebianPassHelperWithoutAPasswordStoreHasNoCredentials() {
        Path pass = Path.of("/usr/bin/docker-credential-pass");
        assumeTrue(Files.isExecutable(pass), "docker-credential-pass is installed on this machine");
        CredentialHelperClient client = new CredentialHelperClient(List.of(pass.getParent()),
                Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), Duration.ofSeconds(20));

        // Debian's 0.6.4 answers {"Username":"","Secret":""} with exit 0 when there is no store; newer
        // releases say "credentials not found". Both mean: nothing for this registry.
        assertThat(client.get("pass", "docker.io")).isEmpty();
        assertThat(client.get("pass", "harbor.example.com")).isEmpty();
    }
}
