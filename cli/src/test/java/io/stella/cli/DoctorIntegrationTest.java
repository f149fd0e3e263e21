package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.testing.LocalRegistry;
import io.stella.testing.TestImages;
import io.stella.vulndb.VulnDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code stella doctor} against the shared test registries, real credential files, databases and stores. */
class DoctorIntegrationTest extends CliIntegrationTestBase {
    private static final String AUTH = "check.scanner.registry-auth";
    private static final String TLS = "check.scanner.registry-tls";
    private static final String EXPIRY = "check.scanner.credentials-expiry";
    private static final String HELPERS = "check.scanner.credential-helpers";
    private static final String CLOCK = "check.scanner.clock-skew";
    private static final String VULNDB = "check.scanner.vulndb-freshness";
    private static final String STORE = "check.scanner.store";
    private static final List<String> REGISTRY_CHECKS = List.of(AUTH, TLS, EXPIRY, CLOCK);

    /** A config with one registry entry (YAML lines under "- "), written to STELLA_HOME/config.yaml. */
    private Cli withRegistry(String entry) throws IOException {
        Cli cli = Cli.in(dir);
        Files.writeString(cli.stellaHome().resolve("config.yaml"), "registries:\n  - " + entry.strip()
                .replace("\n", "\n    ") + "\n");
        return cli;
    }

    private Cli tokenRegistry(String password, boolean trustCa) throws IOException {
        return withRegistry("""
                name: harbor
                url: %s
                credentials:
                  username: alice
                  password_env: HARBOR_PASSWORD
                %s""".formatted(r.url(Mode.TOKEN), trustCa ? "tls:\n  ca_cert: " + r.caPem : ""))
                .withEnv("HARBOR_PASSWORD", password);
    }

    private static CliResult doctor(Cli cli, List<String> checks, String... more) {
        List<String> args = new ArrayList<>(List.of("doctor"));
        checks.forEach(c -> args.addAll(List.of("--check", c)));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private static JsonNode result(CliResult run, String check) {
        return StreamSupport.stream(run.json().path("checks").spliterator(), false)
                .filter(c -> c.path("check").asText().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " in\n" + run));
    }

    @Test
    void healthyTokenRegistryPassesEveryRegistryCheck() throws IOException {
        CliResult run = doctor(tokenRegistry(Registries.TOKEN_ALICE_PASSWORD, true), REGISTRY_CHECKS, "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("worst").asText()).isEqualTo("pass");
        JsonNode auth = result(run, AUTH);
        assertThat(auth.path("subject").asText()).isEqualTo("harbor (" + r.host(Mode.TOKEN) + ")");
        assertThat(auth.path("status").asText()).isEqualTo("pass");
        JsonNode steps = auth.path("evidence");
        assertThat(steps.path("dns").asText()).isEqualTo("ok: 127.0.0.1");
        assertThat(steps.path("tcp").asText()).startsWith("ok: 127.0.0.1:" + r.token.port());
        assertThat(steps.path("tls").asText()).startsWith("ok: certificate CN=127.0.0.1 trusted");
        assertThat(steps.path("credentials").asText()).startsWith("ok: username-password from stella-config");
        assertThat(steps.path("ping").asText()).isEqualTo("ok: " + r.url(Mode.TOKEN) + "/v2/ -> HTTP 401");
        assertThat(steps.path("challenge").asText()).startsWith("ok: Bearer realm=");
        assertThat(steps.path("authenticate").asText()).isEqualTo("ok: method bearer, token lifetime 420 s");
        assertThat(steps.path("catalog").asText()).isEqualTo("ok: 3 repositories");
        assertThat(steps.path("pull").asText()).startsWith("ok: library/alpine: 1 tag(s), granted");

        JsonNode tls = result(run, TLS);
        assertThat(tls.path("status").asText()).isEqualTo("pass");
        assertThat(tls.path("evidence").path("cert[0]").asText()).contains("subject=CN=127.0.0.1")
                .contains("issuer=CN=stella test CA").contains("not_after=");
        JsonNode expiry = result(run, EXPIRY);
        assertThat(expiry.path("status").asText()).as("registry tokens live minutes by design").isEqualTo("pass");
        assertThat(expiry.path("summary").asText()).contains("registry tokens live 420 s");
        assertThat(result(run, CLOCK).path("status").asText()).isEqualTo("pass");
        assertThat(result(run, CLOCK).path("evidence").path("date_header").asText()).endsWith("GMT");
        assertThat(result(run, CLOCK).path("evidence").path("token_iat").asText()).as("the token is a JWT with iat")
                .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void wrongPasswordFailsAtAuthenticateWithTheCodeAndHint() throws IOException {
        CliResult run = doctor(tokenRegistry(Registries.WRONG_PASSWORD, true), List.of(AUTH));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(11);
        assertThat(run.out()).containsPattern(AUTH + " +harbor \\(127.0.0.1:\\d+\\) +FAIL +AUTH_INVALID_CREDENTIALS at step "
                        + "authenticate")
                .contains("  credentials: ok: username-password from stella-config")
                .contains("  authenticate: FAILED: AUTH_INVALID_CREDENTIALS")
                .contains("  code: AUTH_INVALID_CREDENTIALS")
                .contains("  fix: ")
                .endsWith("Worst: FAIL\n");
    }

    @Test
    void untrustedCertificateFailsTlsAndStopsAuthAtTheTlsStep() throws IOException {
        CliResult run = doctor(tokenRegistry(Registries.TOKEN_ALICE_PASSWORD, false), List.of(AUTH, TLS),
                "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(11);
        JsonNode tls = result(run, TLS);
        assertThat(tls.path("status").asText()).isEqualTo("fail");
        assertThat(tls.path("evidence").path("code").asText()).isEqualTo("TLS_UNTRUSTED_CERTIFICATE");
        assertThat(tls.path("evidence").path("cert[0]").asText()).contains("issuer=CN=stella test CA");
        assertThat(tls.path("fix").asText()).isNotBlank();
        JsonNode auth = result(run, AUTH);
        assertThat(auth.path("status").asText()).isEqualTo("fail");
        assertThat(auth.path("summary").asText()).startsWith("TLS_UNTRUSTED_CERTIFICATE at step tls");
        assertThat(auth.path("evidence").has("credentials")).as("no step after the failing one").isFalse();
    }

    @Test
    void certificateExpiringInTenDaysWarns() throws IOException {
        Instant now = Instant.now();
        try (LocalRegistry soon = LocalRegistry.builder().anonymous()
                .tls(r.ca.issueServer(List.of("127.0.0.1"), now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(10))),
                        r.ca)
                .start()) {
            Cli cli = withRegistry("url: " + soon.baseUrl() + "\ntls:\n  ca_cert: " + r.caPem);
            CliResult run = doctor(cli, List.of(TLS, AUTH));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(10);
            assertThat(run.out()).containsPattern(TLS + " +127.0.0.1:\\d+ +WARN +certificate CN=127.0.0.1 expires in (9|10) days")
                    .contains("  fix: Renew the registry's certificate before")
                    .containsPattern(AUTH + " +127.0.0.1:\\d+ +PASS")
                    .endsWith("Worst: WARN\n");
        }
    }

    @Test
    void plainHttpOnLoopbackPassesTlsWithANote() throws IOException {
        CliResult run = doctor(withRegistry("url: " + r.url(Mode.ANONYMOUS)), List.of(TLS, AUTH), "--verbose");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("no TLS: plain HTTP on a loopback address")
                .contains("  tls: skipped: the url says http://")
                .contains("  challenge: ok: none (open registry)");
    }

    @Test
    void jwtPasswordExpiringWithinADayWarnsAndAnExpiredOneFails() throws IOException {
        String soon = jwt(Instant.now().plus(Duration.ofHours(3)));
        String entry = """
                name: basic
                url: %s
                credentials:
                  username: alice
                  password_env: BASIC_TOKEN""".formatted(r.url(Mode.BASIC));
        CliResult warn = doctor(withRegistry(entry).withEnv("BASIC_TOKEN", soon), List.of(EXPIRY));

        assertThat(warn.exitCode()).as(warn.toString()).isEqualTo(10);
        assertThat(warn.out()).containsPattern(EXPIRY + " +basic \\(127.0.0.1:\\d+\\) +WARN +the credential expires in 2 h 59 min")
                .contains("  jwt_exp: ").contains("  fix: Renew the credential from stella-config")
                .doesNotContain(soon).doesNotContain(soon.split("\\.")[1]);

        String expired = jwt(Instant.now().minus(Duration.ofMinutes(5)));
        CliResult fail = doctor(withRegistry(entry).withEnv("BASIC_TOKEN", expired), List.of(EXPIRY));
        assertThat(fail.exitCode()).as(fail.toString()).isEqualTo(11);
        assertThat(fail.out()).contains("FAIL").contains("the credential expired at").doesNotContain(expired);
    }

    @Test
    void missingCredentialHelperFailsNamingTheBinary() throws IOException {
        Cli cli = withRegistry("url: " + r.url(Mode.BASIC));
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, """
                {"auths": {}, "credHelpers": {"%s": "stella-missing"}}""".formatted(r.host(Mode.BASIC)));

        CliResult run = doctor(cli, List.of(HELPERS), "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(11);
        JsonNode helper = result(run, HELPERS);
        assertThat(helper.path("subject").asText()).isEqualTo("docker-credential-stella-missing");
        assertThat(helper.path("status").asText()).isEqualTo("fail");
        assertThat(helper.path("summary").asText()).isEqualTo("docker-credential-stella-missing is not installed or not on PATH");
        assertThat(helper.path("evidence").path("configured_by").asText())
                .isEqualTo("credHelpers[\"" + r.host(Mode.BASIC) + "\"] in " + dockerConfig);
        assertThat(helper.path("fix").asText()).contains("Install docker-credential-stella-missing");
    }

    @Test
    void installedHelperThatAnswersPasses() throws IOException {
        Cli cli = withRegistry("url: " + r.url(Mode.BASIC));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-stella-empty");
        Files.writeString(helper, "#!/bin/sh\necho 'credentials not found in native keychain'\nexit 1\n");
        helper.toFile().setExecutable(true);
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, "{\"credsStore\": \"stella-empty\"}");

        CliResult run = doctor(cli.withPathPrefix(bin), List.of(HELPERS), "--verbose");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern(HELPERS + " +docker-credential-stella-empty +PASS +on PATH and answered for "
                        + r.host(Mode.BASIC).replace(".", "\\."))
                .contains("  get " + r.host(Mode.BASIC) + ": answered: no credentials");
    }

    @Test
    void missingAndStaleVulnerabilityDatabases() throws IOException {
        Cli cli = Cli.in(dir);
        CliResult missing = doctor(cli, List.of(VULNDB));
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(11);
        assertThat(missing.out()).contains("FAIL    VULNDB_MISSING: there is no database at " + cli.stellaHome())
                .contains("  fix: ");

        Path db = cli.stellaHome().resolve("db").resolve("stella.db");
        Files.createDirectories(db.getParent());
        Clock monthAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(30)), ZoneOffset.UTC);
        VulnDatabase.open(db, monthAgo, v -> Optional.empty())
                .importPaths(List.of(TestImages.testData().resolve("osv").resolve("rustsec.zip")));
        CliResult stale = doctor(cli, List.of(VULNDB), "--format", "json");
        assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(10);
        JsonNode result = result(stale, VULNDB);
        assertThat(result.path("status").asText()).isEqualTo("warn");
        assertThat(result.path("summary").asText()).startsWith("VULNDB_STALE: the vulnerability database is 30 days");
        assertThat(result.path("evidence").path("source osv:crates.io").asText()).startsWith("imported ");

        Files.writeString(cli.stellaHome().resolve("config.yaml"), "vulndb:\n  max_age: 60d\n");
        CliResult fresh = doctor(cli, List.of(VULNDB));
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(fresh.out()).containsPattern("PASS +30 days old \\(maximum 60 days\\), 1 source\\(s\\)");
    }

    @Test
    void storeOpensAndTakesWritesOrFailsWhenCorrupt() throws IOException {
        Cli cli = Cli.in(dir);
        CliResult ok = doctor(cli, List.of(STORE), "--verbose");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).containsPattern(STORE + " +results store +PASS +opens, schema \\d+ is current, writable")
                .contains("  write: ok: lock row written and removed");

        Path corrupt = dir.resolve("corrupt.db");
        Files.write(corrupt, "this is not a SQLite database, not even close; ".repeat(200).getBytes(StandardCharsets.UTF_8));
        Files.writeString(cli.stellaHome().resolve("config.yaml"), "store:\n  path: " + corrupt + "\n");
        CliResult broken = doctor(cli, List.of(STORE), "--format", "json");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(11);
        JsonNode store = result(broken, STORE);
        assertThat(store.path("status").asText()).isEqualTo("fail");
        assertThat(store.path("summary").asText()).startsWith("STORE_UNAVAILABLE");
        assertThat(store.path("fix").asText()).isNotBlank();
    }

    @Test
    void noRegistriesConfiguredSkipsTheRegistryChecks() {
        CliResult run = doctor(Cli.in(dir), REGISTRY_CHECKS, "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("worst").asText()).isEqualTo("skip");
        for (String check : REGISTRY_CHECKS) {
            assertThat(result(run, check).path("status").asText()).isEqualTo("skip");
            assertThat(result(run, check).path("fix").asText()).isEqualTo("add registries: to config");
        }
    }

    @Test
    void checkSelectsAndUnknownIdsAreAUsageError() throws IOException {
        CliResult selected = doctor(withRegistry("url: " + r.url(Mode.ANONYMOUS)), List.of(STORE, AUTH), "--format", "json");
        assertThat(selected.exitCode()).as(selected.toString()).isZero();
        assertThat(StreamSupport.stream(selected.json().path("checks").spliterator(), false)
                .map(c -> c.path("check").asText()).toList()).as("standard order").containsExactly(AUTH, STORE);

        CliResult unknown = doctor(Cli.in(dir), List.of("check.scanner.nope"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("INVALID_USAGE: unknown check check.scanner.nope; known checks: " + AUTH)
                .contains(STORE);
    }

    @Test
    void allChecksRunByDefault() throws IOException {
        CliResult run = doctor(withRegistry("url: " + r.url(Mode.ANONYMOUS)), List.of(), "--format", "json");

        assertThat(StreamSupport.stream(run.json().path("checks").spliterator(), false)
                .map(c -> c.path("check").asText()).distinct().toList())
                .containsExactly(AUTH, TLS, EXPIRY, HELPERS, CLOCK, VULNDB, STORE);
        assertThat(run.json().path("worst").asText()).as("no vulnerability database").isEqualTo("fail");
        assertThat(run.exitCode()).isEqualTo(11);
    }

    /** An unsigned JWT with only an exp claim: what a token-as-password looks like to the check. */
    private static String jwt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"ci\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }
}
