package io.stella.scan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scanning process killed with SIGKILL mid-write leaves whole records, its run resumable, its lock takeable. */
@Tag("integration")
class ResultsStoreCrashIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void afterKill9TheRunResumesWithEveryRecordCompleteAndTheDeadOwnersLockIsTakenOver() throws Exception {
        Path file = dir.resolve("results.db");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreWriterProcess.class.getName(), file.toString())
                .redirectError(dir.resolve("writer.err").toFile())
                .start();
        long runId;
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).as(() -> "the writer's first line; stderr:\n" + stderr()).startsWith("RUN ");
            runId = Long.parseLong(line.substring(4));
            awaitRecords(file, runId, 300, writer.pid());
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-transaction
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (ResultsStore restarted = ResultsStore.sqlite(file)) {
            LockResult lock = restarted.tryLock(StoreWriterProcess.REGISTRY, 0, Duration.ofHours(1));
            assertThat(lock).isInstanceOf(LockResult.Acquired.class);
            LockOwner dead = ((LockResult.Acquired) lock).takenOverFrom().orElseThrow();
            assertThat(dead.pid()).isEqualTo(writer.pid());
            assertThat(dead.runId()).isEqualTo(runId);

            ScanRun resumed = restarted.startOrResumeRun(StoreWriterProcess.REGISTRY, "full", Instant.now());
            assertThat(resumed.id()).isEqualTo(runId);
            assertThat(resumed.resumed()).isTrue();

            List<ImageRecord> records = restarted.imageRecords(runId);
            assertThat(records.size()).isGreaterThanOrEqualTo(300);
            assertThat(restarted.completedImageKeys(runId))
                    .containsExactlyInAnyOrderElementsOf(records.stream().map(ImageRecord::imageKey).toList());
            for (ImageRecord record : records) {
                assertThat(record).isEqualTo(StoreWriterProcess.record(record.repository(), record.digest()));
                byte[] fragment = restarted.layerFragment(StoreWriterProcess.layerDigest(record), "a1").orElseThrow();
                assertThat(Arrays.equals(fragment, record.findings()))
                        .as("the fragment put before " + record.imageKey() + " is whole").isTrue();
            }
        }
        assertThat(integrityCheck(file)).isEqualTo("ok");
    }

    private String stderr() {
        try {
            return Files.readString(dir.resolve("writer.err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Watches from this process, which meanwhile is refused the lock the writer holds. */
    private static void awaitRecords(Path file, long runId, int count, long writerPid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (ResultsStore observer = ResultsStore.sqlite(file)) {
            LockResult lock = observer.tryLock(StoreWriterProcess.REGISTRY, 0, Duration.ofHours(1));
            assertThat(lock).isInstanceOf(LockResult.Held.class);
            assertThat(((LockResult.Held) lock).owner().pid()).isEqualTo(writerPid);
            while (observer.completedImageKeys(runId).size() < count) {
                assertThat(System.nanoTime()).as("the writer recorded " + count + " images in time")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private static String integrityCheck(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
