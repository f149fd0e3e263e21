package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.testing.Ports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Failures of {@code scan image --dry-run} as a user sees them: the exit code of the README's table, {@code CODE:
 * message} and {@code hint:} on stderr, and the JSON failure document on stdout with {@code --format json}.
 */
class FailureReportingIntegrationTest extends CliIntegrationTestBase {

    private CliResult scan(String stdin, String image, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "image", image, "--dry-run"));
        args.addAll(List.of(more));
        return Cli.in(dir).runWithStdin(stdin, args);
    }

    private static void assertTextFailure(CliResult result, int exit, String code) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exit);
        assertThat(result.out()).as("nothing on stdout that could pass for a result").isEmpty();
        assertThat(result.err()).as(result.toString()).startsWith(code + ": ").contains("\nhint: ");
    }

    private static JsonNode assertJsonFailure(CliResult result, int exit, String code) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exit);
        JsonNode root = result.json();
        assertThat(root.path("status").asText()).isEqualTo("failed");
        JsonNode error = root.path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("hint").asText()).isNotBlank();
        assertThat(error.has("registry")).isTrue();
        assertThat(error.has("repository")).isTrue();
        assertThat(error.path("evidence").isObject()).isTrue();
        return error;
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BASIC", "TOKEN"})
    void wrongPasswordIsInvalidCredentials(Mode mode) {
        String image = r.image(mode, Registries.APP);
        List<String> login = new ArrayList<>(List.of("--username", "alice", "--password-stdin"));
        login.addAll(r.trust(mode));

        CliResult text = scan(Registries.WRONG_PASSWORD, image, login.toArray(String[]::new));
        assertTextFailure(text, 3, "AUTH_INVALID_CREDENTIALS");
        assertThat(text.err()).contains("credential_source: explicit (--username/--password-stdin)")
                .contains("http_status: 401");

        login.addAll(List.of("--format", "json"));
        JsonNode error = assertJsonFailure(scan(Registries.WRONG_PASSWORD, image, login.toArray(String[]::new)), 3,
                "AUTH_INVALID_CREDENTIALS");
        assertThat(error.path("registry").asText()).isEqualTo(r.host(mode));
        assertThat(error.path("evidence").path("http_status").asText()).isEqualTo("401");
        assertThat(error.path("evidence").path("credential_source").asText())
                .isEqualTo("explicit (--username/--password-stdin)");
        if (mode == Mode.TOKEN) {
            assertThat(error.path("evidence").path("realm").asText()).isEqualTo(r.tokens.realm());
        } else {
            assertThat(error.path("evidence").path("challenge").asText()).contains("Basic realm=\"stella-basic\"");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BASIC", "TOKEN"})
    void anonymousOnAnAuthRegistryIsNoCredentials(Mode mode) {
        String image = r.image(mode, Registries.APP);

        CliResult text = scan("", image, r.trust(mode).toArray(String[]::new));
        assertTextFailure(text, 3, "AUTH_NO_CREDENTIALS");
        assertThat(text.err()).contains(r.host(mode)).contains("--password-stdin")
                .contains("credential_sources_searched:").contains(".docker/config.json");

        List<String> args = new ArrayList<>(r.trust(mode));
        args.addAll(List.of("--format", "json"));
        JsonNode error = assertJsonFailure(scan("", image, args.toArray(String[]::new)), 3, "AUTH_NO_CREDENTIALS");
        assertThat(error.path("registry").asText()).isEqualTo(r.host(mode));
        assertThat(error.path("repository").asText()).isEqualTo("team/app");
        assertThat(error.path("evidence").path("credential_source").asText()).startsWith("anonymous");
        assertThat(error.path("evidence").path("credential_sources_searched").asText()).contains(".docker/config.json");
    }

    /**
     * The searched sources read as a sentence. Fails today: with no config file, StellaConfigCredentialSource.describe()
     * says "stella config stella config (0 registries)" (its configLabel() falls back to "stella config" too).
     */
    @Test
    void searchedCredentialSourcesDoNotRepeatThemselves() {
        CliResult result = scan("", r.image(Mode.BASIC, Registries.APP), "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.error().path("evidence").path("credential_sources_searched").asText())
                .doesNotContain("stella config stella config");
    }

    @Test
    void userWithoutAGrantOnTheProjectIsInsufficientScope() {
        // bob may pull project "team" only; library/alpine is in project "library"
        String image = r.image(Mode.TOKEN, Registries.ALPINE);
        String[] args = {"--username", "bob", "--password-stdin", "--ca-cert", r.caPem.toString()};

        CliResult text = scan(Registries.TOKEN_BOB_PASSWORD, image, args);
        assertTextFailure(text, 3, "AUTH_INSUFFICIENT_SCOPE");
        assertThat(text.err().lines().findFirst().orElseThrow()).contains("library/alpine").contains("pull");

        List<String> json = new ArrayList<>(List.of(args));
        json.addAll(List.of("--format", "json"));
        JsonNode error = assertJsonFailure(scan(Registries.TOKEN_BOB_PASSWORD, image, json.toArray(String[]::new)), 3,
                "AUTH_INSUFFICIENT_SCOPE");
        assertThat(error.path("repository").asText()).isEqualTo("library/alpine");
        assertThat(error.path("message").asText()).contains("library/alpine").contains("pull");
        assertThat(error.path("evidence").path("scope_requested").asText()).isEqualTo("repository:library/alpine:pull");
        assertThat(error.path("evidence").path("scope_granted").asText()).isEqualTo("[]");

        CliResult allowed = scan(Registries.TOKEN_BOB_PASSWORD, r.image(Mode.TOKEN, Registries.APP), args);
        assertThat(allowed.exitCode()).as("bob may pull team/app: " + allowed).isZero();
    }

    @Test
    void untrustedCertificateWithoutCaCertNamesTheFlag() {
        String image = r.image(Mode.TOKEN, Registries.APP);

        CliResult text = scan(Registries.TOKEN_ALICE_PASSWORD, image, "--username", "alice", "--password-stdin");
        assertTextFailure(text, 5, "TLS_UNTRUSTED_CERTIFICATE");
        assertThat(text.err()).contains("hint: ").contains("--ca-cert");

        JsonNode error = assertJsonFailure(scan(Registries.TOKEN_ALICE_PASSWORD, image, "--username", "alice",
                "--password-stdin", "--format", "json"), 5, "TLS_UNTRUSTED_CERTIFICATE");
        assertThat(error.path("hint").asText()).contains("--ca-cert");
        assertThat(error.path("registry").asText()).isEqualTo(r.host(Mode.TOKEN));

        CliResult trusted = scan(Registries.TOKEN_ALICE_PASSWORD, image, "--username", "alice", "--password-stdin",
                "--ca-cert", r.caPem.toString());
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
        assertThat(trusted.err()).isEmpty();
    }

    @Test
    void insecureSkipVerifyPassesWithAWarning() {
        CliResult result = scan(Registries.TOKEN_ALICE_PASSWORD, r.image(Mode.TOKEN, Registries.APP), "--username",
                "alice", "--password-stdin", "--insecure-skip-verify", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).startsWith("warning: TLS verification is off for " + r.host(Mode.TOKEN));
        assertThat(result.json().path("manifest_digest").asText()).isEqualTo(r.appDigest());
        assertThat(result.json().path("api").asText()).isEqualTo(r.url(Mode.TOKEN));
    }

    @Test
    void connectionRefusedOnAFreePort() {
        String image = "127.0.0.1:" + Ports.freePort() + "/team/app:1.0";

        CliResult text = scan("", image);
        assertTextFailure(text, 5, "NETWORK_CONNECTION_REFUSED");

        JsonNode error = assertJsonFailure(scan("", image, "--format", "json"), 5, "NETWORK_CONNECTION_REFUSED");
        assertThat(error.path("registry").asText()).isEqualTo(image.substring(0, image.indexOf('/')));
    }

    @Test
    void badFlagsAreUsageErrors() {
        String image = r.image(Mode.ANONYMOUS, Registries.APP);

        CliResult timeout = scan("", image, "--timeout", "banana");
        assertThat(timeout.exitCode()).as(timeout.toString()).isEqualTo(2);
        assertThat(timeout.err()).contains("banana").contains("hint: ");
        assertThat(timeout.out()).isEmpty();

        CliResult unknown = scan("", image, "--frobnicate");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");

        CliResult format = scan("", image, "--format", "xml");
        assertThat(format.exitCode()).as(format.toString()).isEqualTo(2);
    }

    @Test
    void passwordOptionsWithoutUsernameOrPasswordAreUsageErrors() {
        String image = r.image(Mode.BASIC, Registries.APP);

        CliResult noUser = scan(Registries.BASIC_ALICE_PASSWORD, image, "--password-stdin");
        assertTextFailure(noUser, 2, "CONFIG_INVALID");
        assertThat(noUser.err()).contains("--username");

        CliResult emptyStdin = scan("", image, "--username", "alice", "--password-stdin");
        assertTextFailure(emptyStdin, 2, "CONFIG_INVALID");
        assertThat(emptyStdin.err()).contains("standard input");

        CliResult both = scan(Registries.BASIC_ALICE_PASSWORD, image, "--username", "alice", "--password-stdin",
                "--password", Registries.BASIC_ALICE_PASSWORD);
        assertTextFailure(both, 2, "CONFIG_INVALID");
    }

    @Test
    void missingAuthFileAndInvalidConfigAreConfigInvalid() {
        String image = r.image(Mode.ANONYMOUS, Registries.APP);

        CliResult authFile = scan("", image, "--auth-file", dir.resolve("nope.json").toString());
        assertTextFailure(authFile, 2, "CONFIG_INVALID");
        assertThat(authFile.err()).contains("nope.json");

        CliResult config = scan("", image, "--config", dir.resolve("missing.yaml").toString(), "--format", "json");
        assertJsonFailure(config, 2, "CONFIG_INVALID");
    }
}
