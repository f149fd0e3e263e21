package io.stella.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void detach() {
        LogSetup.detach();
    }

    @Test
    void writesOneJsonObjectPerLineWithComponentAndFields() throws IOException {
        Path home = dir.resolve("home");
        LogSetup.configure(home);
        EventLog.error("registry", "ScannerRegistryAuthFailed", "AUTH_INVALID_CREDENTIALS: rejected",
                "registry", "harbor.example", "code", "AUTH_INVALID_CREDENTIALS", "repository", null);

        List<JsonNode> lines = read(home.resolve("logs/stella.log"));
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("timestamp").asText()).endsWith("Z");
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("logger").asText()).isEqualTo("stella.registry");
        assertThat(line.path("message").asText()).isEqualTo("AUTH_INVALID_CREDENTIALS: rejected");
        assertThat(line.path("component").asText()).isEqualTo("registry");
        assertThat(line.path("event").asText()).isEqualTo("ScannerRegistryAuthFailed");
        assertThat(line.path("registry").asText()).isEqualTo("harbor.example");
        assertThat(line.path("code").asText()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(line.has("repository")).isFalse();
    }

    @Test
    void librariesOnlyFromWarnStellaEventsFromInfo() throws IOException {
        LogSetup.configure(dir);
        LoggerFactory.getLogger("org.flywaydb.Something").info("library chatter");
        LoggerFactory.getLogger("org.flywaydb.Something").warn("library warning");
        EventLog.info("cli", "CommandStarted", "db status started");
        EventLog.log(org.slf4j.event.Level.DEBUG, "cli", "Debug", "not written");

        assertThat(read(dir.resolve("logs/stella.log"))).extracting(n -> n.path("message").asText())
                .containsExactly("library warning", "db status started");
    }

    @Test
    void masksSecretsInMessagesAndFields() throws IOException {
        LogSetup.configure(dir);
        String secret = "pw-SENTINEL-7f3a-unit-0001";
        EventLog.warn("registry", "Test", "retrying with password=" + secret + " and Authorization: Basic QWxhZGRpbjpvcGVu",
                "detail", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig");

        String text = Files.readString(dir.resolve("logs/stella.log"));
        assertThat(text).doesNotContain(secret).doesNotContain("QWxhZGRpbjpvcGVu").doesNotContain("eyJ")
                .contains("password=****").contains("Authorization: ****");
    }

    @Test
    void configuringAgainMovesTheFileAndIsIdempotentForTheSameHome() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        LogSetup.configure(a);
        LogSetup.configure(a);
        EventLog.info("cli", "T", "one");
        LogSetup.configure(b);
        EventLog.info("cli", "T", "two");
        LogSetup.configure(a);
        EventLog.info("cli", "T", "three");

        assertThat(read(a.resolve("logs/stella.log"))).extracting(n -> n.path("message").asText())
                .containsExactly("one", "three");
        assertThat(read(b.resolve("logs/stella.log"))).extracting(n -> n.path("message").asText())
                .containsExactly("two");
    }

    @Test
    void rotatesBySizeAndDayKeepingAWeek() {
        LogSetup.configure(dir);
        RollingFileAppender<ILoggingEvent> appender = LogSetup.appender().orElseThrow();
        assertThat(appender.isStarted()).isTrue();
        assertThat(Path.of(appender.getFile())).isEqualTo(dir.resolve("logs/stella.log").toAbsolutePath());
        var policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
        assertThat(policy.isStarted()).isTrue();
        assertThat(policy.getFileNamePattern()).isEqualTo(dir.resolve("logs/stella.%d{yyyy-MM-dd}.%i.log")
                .toAbsolutePath().toString());
        assertThat(policy.getMaxHistory()).isEqualTo(7);
        assertThat(appender.getTriggeringPolicy()).isSameAs(policy);
    }

    @Test
    void rotatedFilesHoldEveryLineInTheOrderTheReaderUses() throws Exception {
        LogSetup.configure(dir, ch.qos.logback.core.util.FileSize.valueOf("2KB"));
        Path logs = dir.resolve("logs");
        int written = 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (LogFiles.inOrder(logs).size() < 3 && System.nanoTime() < deadline) {
            EventLog.info("cli", "T", "line " + written++, "padding", "x".repeat(200));
            Thread.sleep(5); // logback checks the size at most every few milliseconds
        }
        EventLog.info("cli", "T", "line " + written++);

        List<Path> files = LogFiles.inOrder(logs);
        assertThat(files.size()).as("rotated files in %s", files).isGreaterThanOrEqualTo(3);
        assertThat(files.get(files.size() - 1).getFileName().toString()).isEqualTo("stella.log");
        assertThat(files.get(0).getFileName().toString()).matches("stella\\.\\d{4}-\\d\\d-\\d\\d\\.0\\.log");
        List<String> messages = new java.util.ArrayList<>();
        for (Path file : files) {
            LogTail.allLines(file).forEach(line -> messages.add(LogEntry.parse(line).message()));
        }
        assertThat(messages).isEqualTo(java.util.stream.IntStream.range(0, written).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void detachStopsWriting() throws IOException {
        LogSetup.configure(dir);
        EventLog.info("cli", "T", "kept");
        LogSetup.detach();
        EventLog.info("cli", "T", "dropped");
        assertThat(LogSetup.appender()).isEmpty();
        assertThat(read(dir.resolve("logs/stella.log"))).extracting(n -> n.path("message").asText())
                .containsExactly("kept");
    }

    private static List<JsonNode> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }).toList();
    }
}
