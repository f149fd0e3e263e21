package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No secret in any output. {@link Cli} checks every run of every CLI test ({@link Secrets}); this class makes sure
 * that check has teeth: it knows what the token service's tokens look like, it catches planted secrets, and it runs
 * the noisiest commands (--verbose, failures, every credential source, both formats) while tokens are really issued.
 */
class NoSecretLeakIntegrationTest extends CliIntegrationTestBase {

    private static final Pattern BASIC_HEADER = Pattern.compile("Basic [A-Za-z0-9+/]{8,}={0,2}");
    private static final Pattern BEARER_HEADER = Pattern.compile("Bearer [A-Za-z0-9._-]{8,}");

    @Test
    void theTokenServiceIssuesTokensTheCheckRecognises() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(r.ca.trustingSslContext()).build();
        String basic = Base64.getEncoder().encodeToString(("alice:" + Registries.TOKEN_ALICE_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(r.tokens.realm()
                        + "?service=stella-test-registry&scope=repository:team/app:pull&offline_token=true"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        var body = new ObjectMapper().readTree(response.body());
        String token = body.path("token").asText();
        String refresh = body.path("refresh_token").asText();

        assertThat(token).startsWith("eyJ");
        assertThat(Secrets.findIn("x " + token + " y")).isNotEmpty();
        assertThat(Secrets.findIn("refresh " + refresh)).isNotEmpty();
    }

    @Test
    void theCheckCatchesPlantedSecretsButNotDigests() {
        assertThat(Secrets.findIn("pw " + Registries.TOKEN_BOB_PASSWORD)).isNotEmpty();
        assertThat(Secrets.findIn("Authorization: Basic " + Base64.getEncoder().encodeToString(
                ("bob:" + Registries.BASIC_BOB_PASSWORD).getBytes(StandardCharsets.UTF_8)))).isNotEmpty();
        assertThat(Secrets.findIn("Manifest digest: " + r.appDigest() + " index " + r.multiIndexDigest())).isEmpty();
    }

    @Test
    void verboseSuccessAndFailureRunsInEveryModeShowNoSecret() throws IOException {
        int tokensBefore = r.tokens.tokenRequests();
        List<CliResult> runs = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (String format : List.of("table", "json")) {
                runs.add(run(r.alicePassword(mode), withLogin(mode, "scan", "image", r.image(mode, Registries.MULTI),
                        "--dry-run", "--verbose", "--format", format)));
                runs.add(run(r.alicePassword(mode), withLogin(mode, "registry", "test", r.url(mode), "--repository",
                        "team/app", "--verbose", "--format", format)));
                runs.add(run(r.alicePassword(mode), withLogin(mode, "scan", "image", r.image(mode, "team/app:nope"),
                        "--dry-run", "--verbose", "--format", format)));
                if (mode != Mode.ANONYMOUS) {
                    runs.add(run(Registries.WRONG_PASSWORD, withLogin(mode, "scan", "image",
                            r.image(mode, Registries.APP), "--dry-run", "--verbose", "--format", format)));
                    runs.add(run(Registries.WRONG_PASSWORD, withLogin(mode, "registry", "test", r.url(mode),
                            "--verbose", "--format", format)));
                }
            }
        }
        runs.add(Cli.in(dir).run("scan", "image", r.image(Mode.BASIC, Registries.APP), "--dry-run", "--verbose",
                "--username", "alice", "--password", Registries.BASIC_ALICE_PASSWORD));
        runs.add(Cli.in(dir).runWithStdin(Registries.TOKEN_BOB_PASSWORD, "scan", "image",
                r.image(Mode.TOKEN, Registries.ALPINE), "--dry-run", "--verbose", "--username", "bob",
                "--password-stdin", "--ca-cert", r.caPem.toString()));
        runs.add(helperRun());

        assertThat(r.tokens.tokenRequests() - tokensBefore).as("tokens were issued during these runs").isGreaterThan(10);
        for (CliResult run : runs) {
            String all = run.out() + run.err();
            assertThat(Secrets.findIn(all)).as(run.toString()).isEmpty();
            assertThat(BASIC_HEADER.matcher(all).find()).as("Basic header value in\n" + run).isFalse();
            assertThat(BEARER_HEADER.matcher(all).find()).as("Bearer header value in\n" + run).isFalse();
            assertThat(all).doesNotContainIgnoringCase("authorization:");
        }
        assertThat(runs).as("the verbose runs did trace").anySatisfy(run -> assertThat(run.err()).contains("TOKEN"));
    }

    /** A credential helper answering with a secret of its own, in a verbose run. */
    private CliResult helperRun() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-leaktest");
        Files.writeString(helper, """
                #!/bin/sh
                cat > /dev/null
                printf '{"ServerURL":"%s","Username":"alice","Secret":"%s"}\\n'
                """.formatted(r.host(Mode.TOKEN), Registries.TOKEN_ALICE_PASSWORD));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Cli cli = Cli.in(dir.resolve("helper")).withPathPrefix(bin);
        Files.writeString(Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json"),
                "{\"credsStore\": \"leaktest\"}");
        CliResult result = cli.run("scan", "image", r.image(Mode.TOKEN, Registries.APP), "--dry-run", "--verbose",
                "--ca-cert", r.caPem.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("credential-helper (docker-credential-leaktest");
        return result;
    }

    private static List<String> withLogin(Mode mode, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(r.aliceOptions(mode));
        return all;
    }

    private CliResult run(String stdin, List<String> args) {
        return Cli.in(dir).runWithStdin(stdin, args);
    }
}
