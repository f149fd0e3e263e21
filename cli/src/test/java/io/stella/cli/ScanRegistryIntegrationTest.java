package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ResultsStore;
import io.stella.scan.store.ScanRun;
import io.stella.testing.Closer;
import io.stella.testing.FaultProxy;
import io.stella.testing.ImageFleet;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.TestImages;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stella scan registry} as operators run it: against a real registry (Basic auth) behind a proxy that
 * can slow layer downloads, with the results store on disk, and as a separate process for kill -9.
 */
@Tag("integration")
class ScanRegistryIntegrationTest {
    static final List<String> REPOSITORIES = List.of("team-a/api", "team-a/web", "team-b/api", "team-b/db");
    static final int IMAGES = REPOSITORIES.size() * 4;
    static LocalRegistry registry;
    static FaultProxy proxy;

    @TempDir
    Path dir;
    Process background;

    @BeforeAll
    static void start(@TempDir Path shared) {
        registry = LocalRegistry.builder().basic(Map.of("admin", "fleet-SENTINEL-pw")).start();
        ImageFleet.push(registry, PushAuth.of("admin", "fleet-SENTINEL-pw"), ImageFleet.standard(REPOSITORIES),
                shared.resolve("fleet"));
        proxy = FaultProxy.start(registry);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(proxy, registry);
    }

    @AfterEach
    void killBackground() throws Exception {
        proxy.clearFaults();
        if (background != null && background.isAlive()) {
            background.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Cli cli() throws Exception {
        return cli("");
    }

    private Cli cli(String scanSettings) throws Exception {
        Cli cli = Cli.in(dir).withEnv("FLEET_PASSWORD", "fleet-SENTINEL-pw");
        Files.writeString(cli.stellaHome().resolve("config.yaml"), """
                registries:
                  - name: fleet
                    url: http://%s
                    credentials:
                      username: admin
                      password_env: FLEET_PASSWORD
                vulndb:
                  max_age: 999999d
                scan:
                  max_workers: %d
                %s""".formatted(proxy.host(), 2, scanSettings));
        List<String> importArgs = new ArrayList<>(List.of("db", "import"));
        for (String branch : List.of("v3.7", "v3.10", "v3.11")) {
            importArgs.add(TestImages.testData().resolve("alpine-secdb/" + branch + "/main.yaml").toString());
        }
        CliResult imported = cli.run(importArgs.toArray(String[]::new));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        return cli;
    }

    @Test
    void scanPrintsPhasesTotalsAndWritesTheJsonReport() throws Exception {
        Cli cli = cli();
        Path report = dir.resolve("report.json");
        CliResult result = cli.run("scan", "registry", "fleet", "--format", "json", "--output", report.toString(),
                "--progress", "log");

        assertThat(result.exitCode()).as(result.err()).isZero();
        for (String phase : List.of("[discovery]", "[metadata]", "[scan]", "[report-builder]")) {
            assertThat(result.err()).contains(phase);
        }
        assertThat(result.err()).contains("Total: 16 = Success: 16 + Failed: 0 + Skipped: 0");
        JsonNode json = result.json();
        assertThat(json.path("summary").path("total").asInt()).isEqualTo(IMAGES);
        JsonNode file = new ObjectMapper().readTree(report.toFile());
        assertThat(file.path("images")).hasSize(IMAGES);
        JsonNode first = file.path("images").get(0);
        assertThat(first.path("reference").asText()).startsWith(proxy.host() + "/team-a/api:");
        assertThat(first.path("digest").asText()).startsWith("sha256:");
        assertThat(first.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(first.path("vulnerabilities").has("critical")).isTrue();

        CliResult table = cli.run("scan", "registry", "fleet", "--rescan", "--progress", "none");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("SUCCESS").contains(proxy.host() + "/team-b/db:latest")
                .contains("Total: 16 = Success: 16 + Failed: 0 + Skipped: 0");
    }

    @Test
    void imagesThatTakeLongerThanAllowedFailWithScanTimeoutAndTheRunStillEnds() throws Exception {
        Cli cli = cli("  timeout_per_image: 1s\n");
        proxy.throttleBodies(64 * 1024); // a 2.5 MB base layer would take 40 s

        CliResult result = cli.run("scan", "registry", "fleet", "--progress", "log");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("SCAN_TIMEOUT (16 images)").contains("scan.timeout_per_image")
                .contains("Total: 16 = Success: 0 + Failed: 16 + Skipped: 0");
        assertThat(result.err()).contains("status=FAILED code=SCAN_TIMEOUT");
    }

    @Test
    void aRegistryWithNoImageAtAllIsIncompleteNotClean() throws Exception {
        try (LocalRegistry empty = LocalRegistry.builder().anonymous().start()) {
            Cli cli = cli();
            Files.writeString(cli.stellaHome().resolve("config.yaml"),
                    "registries:\n  - name: empty\n    url: http://" + empty.host() + "\nvulndb:\n  max_age: 999999d\n");

            CliResult result = cli.run("scan", "registry", "empty", "--progress", "log");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
            assertThat(result.out()).contains("Total: 0 = Success: 0 + Failed: 0 + Skipped: 0");
            assertThat(result.err()).contains("INCOMPLETE: no image was found in registry empty (repositories from catalog)");
        }
    }

    @Test
    void aRegistryThatIsNotConfiguredIsNamedWithTheConfiguredOnes() throws Exception {
        CliResult result = cli().run("scan", "registry", "nope");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("CONFIG_INVALID").contains("no registry named 'nope'").contains("fleet");
    }

    @Test
    void aKilledScanResumesWithoutScanningFinishedImagesAgain() throws Exception {
        Cli cli = cli();
        proxy.throttleBodies(1024 * 1024); // each ~2.5 MB base layer takes a few seconds
        background = startInBackground(cli, "scan", "registry", "fleet", "--max-workers", "1", "--progress", "log");
        Path store = cli.stellaHome().resolve("db/results.db");
        List<ImageRecord> beforeKill = awaitRecords(store, records -> records.size() >= 2);
        background.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertThat(background.waitFor(20, TimeUnit.SECONDS)).isTrue();
        proxy.clearFaults();
        try (ResultsStore results = ResultsStore.sqlite(store)) {
            assertThat(results.latestRun("fleet")).map(r -> r.finishedAt().isPresent()).contains(false);
        }

        CliResult resumed = cli.run("scan", "registry", "fleet", "--format", "json", "--progress", "log");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("took over the lock").contains("resuming run");
        assertThat(resumed.json().path("resumed").asBoolean()).isTrue();
        assertThat(resumed.err()).contains("Total: 16 = Success: 16 + Failed: 0 + Skipped: 0");
        try (ResultsStore results = ResultsStore.sqlite(store)) {
            ScanRun run = results.latestRun("fleet").orElseThrow();
            List<ImageRecord> records = results.imageRecords(run.id());
            assertThat(records).hasSize(IMAGES);
            assertThat(records.stream().map(ImageRecord::imageKey).distinct().count()).isEqualTo(IMAGES);
            Map<String, Instant> finished = records.stream().collect(Collectors.toMap(ImageRecord::imageKey, ImageRecord::finishedAt));
            for (ImageRecord early : beforeKill) {
                assertThat(finished.get(early.imageKey())).as("not scanned again: " + early.imageKey())
                        .isEqualTo(early.finishedAt());
            }
        }
    }

    @Test
    void aSecondScanOfTheSameRegistryIsRefusedWhileTheFirstRuns() throws Exception {
        Cli cli = cli();
        proxy.throttleBodies(256 * 1024);
        background = startInBackground(cli, "scan", "registry", "fleet", "--max-workers", "1", "--progress", "log");
        Path store = cli.stellaHome().resolve("db/results.db");
        awaitRun(store);

        CliResult second = cli.run("scan", "registry", "fleet");

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.err()).contains("SCAN_IN_PROGRESS").contains("already running")
                .contains("pid " + background.pid());
        assertThat(background.isAlive()).as("the first scan goes on").isTrue();
    }

    private Process startInBackground(Cli cli, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.stella.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("background.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(cli.env());
        return builder.start();
    }

    private List<ImageRecord> awaitRecords(Path store, Predicate<List<ImageRecord>> enough) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(background.isAlive()).as(log()).isTrue();
            if (Files.exists(store)) {
                try (ResultsStore results = ResultsStore.sqlite(store)) {
                    Optional<ScanRun> run = results.latestRun("fleet");
                    if (run.isPresent()) {
                        List<ImageRecord> records = results.imageRecords(run.get().id());
                        if (enough.test(records)) {
                            return records;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the background scan recorded too little in time:\n" + log());
    }

    private void awaitRun(Path store) throws Exception {
        awaitRecords(store, records -> true);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("background.log"), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
