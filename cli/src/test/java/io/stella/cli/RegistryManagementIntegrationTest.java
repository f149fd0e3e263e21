package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registry management against the real registries: credentials stored encrypted by stella are verified before they
 * are saved and then used by scans; {@code list --show-status} tells the failure kinds apart.
 */
class RegistryManagementIntegrationTest extends CliIntegrationTestBase {

    private static CliResult run(Cli cli, String stdin, String... args) {
        return cli.runWithStdin(stdin, List.of(args));
    }

    private static Path config(Cli cli) {
        return cli.stellaHome().resolve("config.yaml");
    }

    @Test
    void encryptedCredentialsFromConfigureToRemove() throws IOException {
        Cli cli = Cli.in(dir);
        CliResult added = run(cli, Registries.TOKEN_ALICE_PASSWORD, "registry", "configure", "tok", "--url",
                r.url(Mode.TOKEN), "--ca-cert", r.caPem.toString(), "--username", Registries.ALICE, "--password-stdin");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.err()).as("no history warning with --password-stdin").isEmpty();
        assertThat(Files.readString(config(cli))).doesNotContain(Registries.TOKEN_ALICE_PASSWORD).contains("password_encrypted: v1:");

        CliResult list = cli.run("registry", "list");
        assertThat(list.out()).containsPattern("tok +" + r.url(Mode.TOKEN) + " +generic +basic \\(stella-config \\(encrypted\\)\\)");

        CliResult wrong = run(cli, Registries.WRONG_PASSWORD, "registry", "update-credentials", "tok",
                "--username", Registries.ALICE, "--password-stdin");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(wrong.err()).contains("AUTH_INVALID_CREDENTIALS").contains("Nothing was saved");
        String before = Files.readString(config(cli));

        CliResult right = run(cli, Registries.TOKEN_ALICE_PASSWORD, "registry", "update-credentials", "tok",
                "--username", Registries.ALICE, "--password-stdin");
        assertThat(right.exitCode()).as(right.toString()).isZero();
        assertThat(right.out()).contains("Verified against " + r.host(Mode.TOKEN) + " (bearer)").contains("Saved credentials of tok");
        String after = Files.readString(config(cli));
        assertThat(after).as("a fresh nonce: the ciphertext changes").isNotEqualTo(before)
                .doesNotContain(Registries.TOKEN_ALICE_PASSWORD);

        CliResult dryRun = cli.run("scan", "image", r.image(Mode.TOKEN, Registries.ALPINE), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("stella-config (encrypted)").contains(r.alpineDigest(Mode.TOKEN));
        CliResult test = cli.run("registry", "test", r.url(Mode.TOKEN));
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).containsPattern("credentials +OK +username-password from stella-config \\(encrypted\\)");

        CliResult show = cli.run("registry", "credentials", "show", "tok", "--format", "json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.json().path("type").asText()).isEqualTo("basic");
        assertThat(show.json().path("username").asText()).isEqualTo(Registries.ALICE);
        String pw = Registries.TOKEN_ALICE_PASSWORD;
        assertThat(show.json().path("secret").asText()).isEqualTo("****" + pw.substring(pw.length() - 4));

        CliResult refresh = cli.run("registry", "refresh-credentials", "tok");
        assertThat(refresh.exitCode()).as(refresh.toString()).isZero();
        assertThat(refresh.out()).contains("New token for tok").contains("lifetime 420 s");

        assertThat(cli.run("registry", "config", "set", "tok.refresh_interval", "11h").exitCode()).isZero();
        CliResult lifecycle = cli.run("registry", "credentials", "show", "tok", "--format", "json");
        assertThat(lifecycle.exitCode()).as(lifecycle.toString()).isZero();
        assertThat(lifecycle.json().path("last_failure").asText()).as("the wrong password tried before")
                .contains("AUTH_INVALID_CREDENTIALS");
        assertThat(lifecycle.json().path("last_success").asText()).isNotEqualTo("none recorded");
        java.time.Instant issued = java.time.Instant.parse(lifecycle.json().path("last_token").asText()
                .replaceAll("issued (\\S+), expires .*", "$1"));
        java.time.Instant expires = java.time.Instant.parse(lifecycle.json().path("last_token").asText()
                .replaceAll(".*expires (\\S+)$", "$1"));
        assertThat(java.time.Duration.between(issued, expires)).isEqualTo(Registries.TOKEN_TTL);
        assertThat(lifecycle.json().path("next_refresh").asText()).as("static credential: its tokens are renewed")
                .contains("the last one at " + issued.plusSeconds(315));
        assertThat(lifecycle.json().path("auto_refresh").asText()).startsWith("every 11h or at 75% of its lifetime");
        assertThat(lifecycle.json().path("expires").asText()).isEqualTo("no expiry known (a static credential)");
        assertThat(lifecycle.toString()).doesNotContain(Registries.TOKEN_ALICE_PASSWORD);
        assertThat(Files.readString(cli.stellaHome().resolve("state/credentials.json")))
                .doesNotContain(Registries.TOKEN_ALICE_PASSWORD).doesNotContain(Registries.WRONG_PASSWORD);

        CliResult removed = cli.run("registry", "remove", "tok");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(cli.run("registry", "list").out()).startsWith("No registries configured");
    }

    @Test
    void fromEnvReadsTheRegistrysVariables() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("registry", "configure", "basic-lab", "--url", r.url(Mode.BASIC)).exitCode()).isZero();

        CliResult missing = cli.run("registry", "update-credentials", "basic-lab", "--from-env");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("STELLA_REGISTRY_BASIC_LAB_USERNAME is not set");

        Cli withEnv = cli.withEnv("STELLA_REGISTRY_BASIC_LAB_USERNAME", Registries.ALICE)
                .withEnv("STELLA_REGISTRY_BASIC_LAB_PASSWORD", Registries.BASIC_ALICE_PASSWORD);
        CliResult saved = withEnv.run("registry", "update-credentials", "basic-lab", "--from-env");
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(saved.out()).contains("Verified against " + r.host(Mode.BASIC) + " (basic)");

        CliResult unverified = run(cli, Registries.WRONG_PASSWORD, "registry", "update-credentials", "basic-lab",
                "--username", Registries.ALICE, "--password-stdin", "--no-verify");
        assertThat(unverified.exitCode()).as(unverified.toString()).isZero();
        assertThat(unverified.out()).contains("not verified (--no-verify)").doesNotContain("Verified");
        CliResult rejected = cli.run("registry", "test", r.url(Mode.BASIC));
        assertThat(rejected.exitCode()).as("the unverified wrong password was saved and is used").isEqualTo(ExitCodes.AUTH);
        assertThat(withEnv.run("registry", "update-credentials", "basic-lab", "--from-env").exitCode()).isZero();

        CliResult refresh = cli.run("registry", "refresh-credentials", "basic-lab");
        assertThat(refresh.out()).contains("Nothing to refresh for basic-lab: it uses basic authentication");
        CliResult test = cli.run("registry", "test", r.url(Mode.BASIC));
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).contains("stella-config (encrypted)");
    }

    @Test
    void encryptedPasswordWithoutTheMasterKeyIsAConfigErrorNamingTheKey() throws IOException {
        Cli cli = Cli.in(dir);
        assertThat(run(cli, Registries.BASIC_ALICE_PASSWORD, "registry", "configure", "b", "--url", r.url(Mode.BASIC),
                "--username", Registries.ALICE, "--password-stdin").exitCode()).isZero();
        Files.delete(cli.stellaHome().resolve("master.key"));

        CliResult result = cli.run("registry", "test", r.url(Mode.BASIC));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("CONFIG_INVALID").contains("registries[0].credentials.password_encrypted")
                .contains("STELLA_MASTER_KEY");
    }

    @Test
    void showStatusTellsOkAuthFailedAndTlsErrorApart() {
        Cli cli = Cli.in(dir);
        List<List<String>> configures = List.of(
                List.of("good", "--url", r.url(Mode.BASIC), "--username", Registries.ALICE, "--password-stdin"),
                List.of("wrong", "--url", r.url(Mode.TOKEN), "--ca-cert", r.caPem.toString(),
                        "--username", Registries.ALICE, "--password-stdin"),
                List.of("untrusted", "--url", "https://localhost:" + r.token.port()));
        List<String> stdins = List.of(Registries.BASIC_ALICE_PASSWORD, Registries.WRONG_PASSWORD, "");
        for (int i = 0; i < configures.size(); i++) {
            List<String> args = new ArrayList<>(List.of("registry", "configure"));
            args.addAll(configures.get(i));
            CliResult configured = cli.runWithStdin(stdins.get(i), args);
            assertThat(configured.exitCode()).as(configured.toString()).isZero();
        }

        CliResult table = cli.run("registry", "list", "--show-status");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).containsPattern("good +\\S+ +generic +basic / .* +ok ")
                .containsPattern("wrong +\\S+ +generic +bearer / .* +auth_failed ")
                .containsPattern("untrusted +\\S+ +generic +.* +tls_error ")
                .contains("wrong: AUTH_INVALID_CREDENTIALS")
                .contains("untrusted: TLS_UNTRUSTED_CERTIFICATE");

        CliResult json = cli.run("registry", "list", "--show-status", "--format", "json");
        assertThat(json.json().path("registries").findValuesAsText("status"))
                .containsExactly("ok", "auth_failed", "tls_error");
        assertThat(json.json().path("registries").get(0).path("checked_at").asText()).isNotEmpty();
    }

    @Test
    void showStatusTellsUnreachableAndRateLimitedApart() {
        Cli cli = Cli.in(dir);
        int closed = io.stella.testing.Ports.freePort();
        try (io.stella.testing.FaultProxy limited = io.stella.testing.FaultProxy.start(r.basic)) {
            limited.failAlways(429, java.util.Map.of("Retry-After", "0"));
            assertThat(cli.run("registry", "configure", "gone", "--url", "http://127.0.0.1:" + closed).exitCode()).isZero();
            assertThat(cli.run("registry", "configure", "busy", "--url", limited.baseUrl()).exitCode()).isZero();

            CliResult json = cli.run("registry", "list", "--show-status", "--format", "json");

            assertThat(json.json().path("registries").findValuesAsText("status"))
                    .containsExactly("unreachable", "rate_limited");
            CliResult table = cli.run("registry", "list", "--show-status");
            assertThat(table.out()).contains("gone: NETWORK_CONNECTION_REFUSED").contains("busy: REGISTRY_RATE_LIMITED");
        }
    }

    @Test
    void showStatusGivesTheTokenExpiryOfBearerRegistries() {
        Cli cli = Cli.in(dir);
        assertThat(run(cli, Registries.TOKEN_ALICE_PASSWORD, "registry", "configure", "tok", "--url", r.url(Mode.TOKEN),
                "--ca-cert", r.caPem.toString(), "--username", Registries.ALICE, "--password-stdin").exitCode()).isZero();

        CliResult json = cli.run("registry", "list", "--show-status", "--format", "json");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.json().path("registries").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(json.json().path("registries").get(0).path("token_lifetime_seconds").asInt()).isEqualTo(420);
        assertThat(json.json().path("registries").get(0).path("credential_expires_at").asText()).isNotEmpty();
    }
}
