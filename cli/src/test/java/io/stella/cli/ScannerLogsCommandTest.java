package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.cli.logging.LogSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file a run writes, and {@code stella scanner logs} reading it; no registry needed. */
class ScannerLogsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void detach() {
        LogSetup.detach();
    }

    @Test
    void aCommandRunWritesJsonLinesWithComponentAndEventAndNothingMoreOnTheTerminal() throws IOException {
        Cli cli = Cli.in(dir);
        CliResult result = cli.run("db", "status", "--db", dir.resolve("missing.db").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VULNDB);
        assertThat(result.err()).doesNotContain("CommandStarted").doesNotContain("{\"");
        List<JsonNode> lines = logLines(cli);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("timestamp").asText()).endsWith("Z");
            assertThat(line.path("level").asText()).isNotBlank();
            assertThat(line.path("logger").asText()).startsWith("stella.");
        });
        JsonNode started = lines.get(0);
        assertThat(started.path("event").asText()).isEqualTo("CommandStarted");
        assertThat(started.path("component").asText()).isEqualTo("cli");
        assertThat(started.path("command").asText()).isEqualTo("stella db status");
        JsonNode failed = lines.stream().filter(l -> l.path("event").asText().equals("ScannerFailed")).findFirst().orElseThrow();
        assertThat(failed.path("level").asText()).isEqualTo("ERROR");
        assertThat(failed.path("component").asText()).isEqualTo("db");
        assertThat(failed.path("code").asText()).startsWith("VULNDB_");
        assertThat(failed.path("hint").asText()).isNotBlank();
        JsonNode finished = lines.get(lines.size() - 1);
        assertThat(finished.path("event").asText()).isEqualTo("CommandFinished");
        assertThat(finished.path("level").asText()).isEqualTo("WARN");
        assertThat(finished.path("exit_code").asText()).isEqualTo(String.valueOf(ExitCodes.VULNDB));
        assertThat(finished.path("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void argumentsAreNeverLogged() throws IOException {
        Cli cli = Cli.in(dir);
        String secret = Secrets.secret("pw-SENTINEL-7f3a-logs-args-77aa");
        cli.run("scan", "image", "127.0.0.1:1/team/app:1.0", "--dry-run", "--username", "alice", "--password", secret,
                "--timeout", "2s");

        String log = Files.readString(cli.stellaHome().resolve("logs/stella.log"));
        assertThat(log).contains("stella scan image");
        assertThat(Secrets.findIn(log)).isEmpty();
    }

    @Test
    void noLogDirectoryIsANoteNotAFailureAndReadingCreatesNone() {
        Cli cli = Cli.in(dir);
        CliResult result = cli.run("scanner", "logs");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no logs yet").contains(cli.stellaHome().resolve("logs").toString());
        assertThat(cli.stellaHome().resolve("logs")).doesNotExist();
    }

    @Test
    void readsRotatedFilesFirstAndShowsCorruptLinesAsSuch() throws IOException {
        Cli cli = Cli.in(dir);
        Path logs = Files.createDirectories(cli.stellaHome().resolve("logs"));
        Instant now = Instant.now();
        Files.writeString(logs.resolve("stella.2026-11-30.1.log"), line(now.minus(3, ChronoUnit.HOURS), "INFO", "cli", "second", ""));
        Files.writeString(logs.resolve("stella.2026-11-30.0.log"), line(now.minus(4, ChronoUnit.HOURS), "INFO", "cli", "first", ""));
        Files.writeString(logs.resolve("stella.log"), line(now.minus(1, ChronoUnit.MINUTES), "INFO", "cli", "third", "")
                + "{not json at all\n");

        CliResult result = cli.run("scanner", "logs");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> out = result.out().lines().toList();
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).endsWith(" first");
        assertThat(out.get(1)).endsWith(" second");
        assertThat(out.get(2)).endsWith(" third");
        assertThat(out.get(3)).isEqualTo("CORRUPT stella.log line 2: {not json at all");
    }

    @Test
    void textFormatShowsTimeLevelComponentFieldsMessageAndHint() throws IOException {
        Cli cli = Cli.in(dir);
        Files.createDirectories(cli.stellaHome().resolve("logs"));
        Files.writeString(cli.stellaHome().resolve("logs/stella.log"), "{\"timestamp\":\"2026-12-01T23:40:01.123Z\","
                + "\"message\":\"AUTH_INVALID_CREDENTIALS: rejected\",\"logger\":\"stella.registry\",\"thread\":\"main\","
                + "\"level\":\"ERROR\",\"component\":\"registry\",\"event\":\"ScannerRegistryAuthFailed\","
                + "\"registry\":\"harbor\",\"code\":\"AUTH_INVALID_CREDENTIALS\",\"hint\":\"Check the password.\"}\n");

        CliResult result = cli.run("scanner", "logs");

        assertThat(result.out().strip()).isEqualTo("2026-12-01T23:40:01Z ERROR [registry] registry=harbor "
                + "code=AUTH_INVALID_CREDENTIALS AUTH_INVALID_CREDENTIALS: rejected (hint: Check the password.)");
    }

    @Test
    void filterLevelLastTailAndJson() throws IOException {
        Cli cli = Cli.in(dir);
        Path logs = Files.createDirectories(cli.stellaHome().resolve("logs"));
        Instant now = Instant.now();
        String old = line(now.minus(3, ChronoUnit.HOURS), "ERROR", "registry", "old auth failure",
                ",\"registry\":\"harbor\",\"code\":\"AUTH_INVALID_CREDENTIALS\"");
        String recentAuth = line(now.minus(10, ChronoUnit.MINUTES), "ERROR", "registry", "recent auth failure",
                ",\"registry\":\"harbor\",\"code\":\"AUTH_TOKEN_DENIED\"");
        String scanInfo = line(now.minus(5, ChronoUnit.MINUTES), "INFO", "registry-scan", "3 repositories via catalog",
                ",\"registry\":\"harbor\",\"phase\":\"discovery\"");
        String notFound = line(now.minus(2, ChronoUnit.MINUTES), "ERROR", "registry", "image not found",
                ",\"registry\":\"harbor\",\"code\":\"IMAGE_NOT_FOUND\"");
        Files.writeString(logs.resolve("stella.log"), old + recentAuth + scanInfo + notFound);

        assertThat(messages(cli.run("scanner", "logs", "--filter", "REGISTRY Auth")))
                .containsExactly("old auth failure", "recent auth failure");
        assertThat(messages(cli.run("scanner", "logs", "--level", "error")))
                .containsExactly("old auth failure", "recent auth failure", "image not found");
        assertThat(messages(cli.run("scanner", "logs", "--level", "WARN", "--last", "1h")))
                .containsExactly("recent auth failure", "image not found");
        assertThat(messages(cli.run("scanner", "logs", "--last", "30m", "--tail", "2")))
                .containsExactly("3 repositories via catalog", "image not found");
        assertThat(messages(cli.run("scanner", "logs", "--filter", "phase=discovery")))
                .containsExactly("3 repositories via catalog");

        CliResult json = cli.run("scanner", "logs", "--format", "json", "--filter", "registry auth", "--tail", "1");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).isEqualTo(recentAuth);
    }

    @Test
    void jsonFormatReportsCorruptLinesOnStandardError() throws IOException {
        Cli cli = Cli.in(dir);
        Path logs = Files.createDirectories(cli.stellaHome().resolve("logs"));
        String good = line(Instant.now(), "INFO", "cli", "fine", "");
        Files.writeString(logs.resolve("stella.log"), good + "\u0000garbage\n");

        CliResult result = cli.run("scanner", "logs", "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(good);
        assertThat(result.err()).contains("CORRUPT stella.log line 2");
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli cli = Cli.in(dir);
        CliResult level = cli.run("scanner", "logs", "--level", "loud");
        assertThat(level.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(level.err()).contains("--level loud is not a log level");
        assertThat(cli.run("scanner", "logs", "--format", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("scanner", "logs", "--last", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("scanner").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void followPrintsLinesAppendedAfterItStarted() throws Exception {
        Cli cli = Cli.in(dir);
        Path file = Files.createDirectories(cli.stellaHome().resolve("logs")).resolve("stella.log");
        Files.writeString(file, line(Instant.now(), "INFO", "cli", "before", ""));

        CompletableFuture<CliResult> following = CompletableFuture.supplyAsync(() ->
                cli.run("scanner", "logs", "--follow", "--follow-timeout", "4s", "--level", "warn"));
        Thread.sleep(1500);
        assertThat(following).isNotDone();
        Files.writeString(file, line(Instant.now(), "INFO", "cli", "appended info", "")
                + line(Instant.now(), "ERROR", "registry", "appended error", ""), StandardOpenOption.APPEND);
        CliResult result = following.get(20, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(messages(result)).containsExactly("appended error");
    }

    @Test
    void followStartsOverWhenTheFileIsRotated() throws Exception {
        Cli cli = Cli.in(dir);
        Path logs = Files.createDirectories(cli.stellaHome().resolve("logs"));
        Path file = logs.resolve("stella.log");
        Files.writeString(file, line(Instant.now(), "INFO", "cli", "a rather long line before the rotation happens", ""));

        CompletableFuture<CliResult> following = CompletableFuture.supplyAsync(() ->
                cli.run("scanner", "logs", "--follow", "--follow-timeout", "4s"));
        Thread.sleep(1500);
        Files.move(file, logs.resolve("stella.2026-12-01.0.log"));
        Files.writeString(file, line(Instant.now(), "INFO", "cli", "new", ""));
        CliResult result = following.get(20, TimeUnit.SECONDS);

        assertThat(messages(result)).containsExactly("a rather long line before the rotation happens", "new");
    }

    private static String line(Instant time, String level, String component, String message, String extra) {
        return "{\"timestamp\":\"" + time + "\",\"message\":\"" + message + "\",\"logger\":\"stella." + component
                + "\",\"thread\":\"main\",\"level\":\"" + level + "\",\"component\":\"" + component + "\"" + extra + "}\n";
    }

    /** The message at the end of each text line (after the last field). */
    private static List<String> messages(CliResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.out().lines().map(l -> l.replaceFirst("^\\S+ \\S+ \\[[^]]*\\]( \\S+=\\S+)* ", "")).toList();
    }

    private static List<JsonNode> logLines(Cli cli) throws IOException {
        return Files.readAllLines(cli.stellaHome().resolve("logs/stella.log"), StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }
}
