package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.cli.logging.LogSetup;
import io.stella.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log file of runs against the shared real registries, read back with {@code stella scanner logs}. */
class LogsIntegrationTest extends CliIntegrationTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void detach() {
        LogSetup.detach();
    }

    @Test
    void anAuthFailureIsFoundByFilterAndLevelAndTheLogHoldsNoSecret() throws IOException {
        Cli cli = Cli.in(dir);
        List<String> args = new ArrayList<>(List.of("scan", "image", r.image(Mode.TOKEN, Registries.APP), "--dry-run",
                "--username", Registries.ALICE, "--password-stdin"));
        args.addAll(r.trust(Mode.TOKEN));
        CliResult failed = cli.runWithStdin(Registries.WRONG_PASSWORD, args);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.AUTH);
        CliResult ok = cli.runWithStdin(Registries.TOKEN_ALICE_PASSWORD, argsWithImage(args, r.image(Mode.TOKEN, Registries.APP)));
        assertThat(ok.exitCode()).as(ok.toString()).isZero();

        CliResult logs = cli.run("scanner", "logs", "--filter", "registry auth", "--level", "error");

        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        List<String> lines = logs.out().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ERROR \\[registry\\] registry="
                        + java.util.regex.Pattern.quote(r.host(Mode.TOKEN)) + " code=AUTH_INVALID_CREDENTIALS http_status=401 .*")
                .contains("(hint: ");

        CliResult json = cli.run("scanner", "logs", "--filter", "registry auth", "--level", "error", "--format", "json");
        JsonNode event = JSON.readTree(json.out());
        assertThat(event.path("event").asText()).isEqualTo("ScannerRegistryAuthFailed");
        assertThat(event.path("http_status").asText()).isEqualTo("401");
        assertThat(event.path("credential_source").asText()).isEqualTo("explicit (--username/--password-stdin)");

        String file = Files.readString(cli.stellaHome().resolve("logs/stella.log"));
        assertThat(file).contains("AUTH_INVALID_CREDENTIALS");
        assertThat(Secrets.findIn(file)).isEmpty();
    }

    @Test
    void aRegistryScanLogsEachPhaseLineWithRegistryAndPhase() throws IOException {
        Cli cli = Cli.in(dir).withEnv("BASIC_PASSWORD", Registries.BASIC_ALICE_PASSWORD);
        Files.writeString(cli.stellaHome().resolve("config.yaml"), """
                registries:
                  - name: basic
                    url: %s
                    credentials:
                      username: alice
                      password_env: BASIC_PASSWORD
                vulndb:
                  max_age: 999999d
                """.formatted(r.url(Mode.BASIC)));
        CliResult imported = cli.run("db", "import",
                TestImages.testData().resolve("alpine-secdb/v3.11/main.yaml").toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        CliResult scan = cli.run("scan", "registry", "basic", "--progress", "log");
        assertThat(scan.exitCode()).as(scan.toString()).isIn(ExitCodes.OK, ExitCodes.FAILURE);

        List<JsonNode> events = Files.readAllLines(cli.stellaHome().resolve("logs/stella.log")).stream()
                .map(LogsIntegrationTest::json).filter(e -> e.path("component").asText().equals("registry-scan")).toList();
        assertThat(events).extracting(e -> e.path("phase").asText())
                .contains("discovery", "metadata", "scan", "report-builder");
        assertThat(events).allSatisfy(e -> assertThat(e.path("registry").asText()).isEqualTo("basic"));
        assertThat(events).filteredOn(e -> e.path("message").asText().contains("status=FAILED"))
                .allSatisfy(e -> {
                    assertThat(e.path("level").asText()).isEqualTo("ERROR");
                    assertThat(e.path("code").asText()).isNotBlank();
                });
        assertThat(events).filteredOn(e -> !e.path("message").asText().contains("status=FAILED"))
                .allSatisfy(e -> assertThat(e.path("level").asText()).isEqualTo("INFO"));
        // what the user saw is unchanged: the phase lines, and no JSON
        assertThat(scan.err()).contains("[discovery]").doesNotContain("\"component\"");

        CliResult shown = cli.run("scanner", "logs", "--filter", "phase=report-builder");
        assertThat(shown.out()).contains("[registry-scan] registry=basic phase=report-builder").contains("Total:");
    }

    private static List<String> argsWithImage(List<String> args, String image) {
        List<String> copy = new ArrayList<>(args);
        copy.set(2, image);
        return copy;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
