package io.stella.scan.store;

import io.stella.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The behaviour every results store has, whatever its database; a subclass says where the store lives. */
abstract class ResultsStoreContract {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String REGISTRY = "registry.example.com";
    static final String HOST = "scanner-1";
    static final long PID = 4242;

    final MutableClock clock = new MutableClock(T0);
    private final List<ResultsStore> opened = new ArrayList<>();

    /** Opens a store on this test's database; a second call is another process on the same database. */
    abstract ResultsStore open(StoreEnvironment environment);

    StoreEnvironment environment() {
        return new StoreEnvironment(clock, pid -> true, HOST, PID);
    }

    ResultsStore store() {
        return tracked(open(environment()));
    }

    ResultsStore store(StoreEnvironment environment) {
        return tracked(open(environment));
    }

    private ResultsStore tracked(ResultsStore store) {
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ResultsStore::close);
    }

    static ImageRecord success(String repository, String digest, List<String> tags, Instant finishedAt,
                               String findings) {
        return new ImageRecord(repository + "@" + digest, repository, tags, digest, "linux/amd64",
                Instant.parse("2024-12-24T08:00:00Z"), ImageStatus.SUCCESS, null, null, null,
                new SeverityCounts(1, 2, 3, 4, 5), findings.getBytes(StandardCharsets.UTF_8), 120, 340, 56, finishedAt);
    }

    static ImageRecord failure(String repository, String tag, Instant finishedAt) {
        return new ImageRecord(repository + ":" + tag, repository, List.of(tag), null, null, null,
                ImageStatus.FAILED, "MANIFEST_INVALID", "the manifest could not be parsed", null, null, null,
                15, 0, 0, finishedAt);
    }

    @Test
    void aNewStoreIsAtTheCurrentSchemaAndHasNoRuns() {
        ResultsStore store = store();
        assertThat(store.schemaVersion()).isEqualTo(1);
        assertThat(store.latestRun(REGISTRY)).isEmpty();
        assertThat(store.run(1)).isEmpty();
        assertThat(store.knownImages(REGISTRY)).isEmpty();
    }

    @Test
    void aRunStartsUnfinishedAndFinishesWithItsTotals() {
        ResultsStore store = store();
        ScanRun run = store.startOrResumeRun(REGISTRY, "full", T0);
        assertThat(run.registry()).isEqualTo(REGISTRY);
        assertThat(run.mode()).isEqualTo("full");
        assertThat(run.startedAt()).isEqualTo(T0);
        assertThat(run.resumed()).isFalse();
        assertThat(run.finishedAt()).isEmpty();
        assertThat(run.totals()).isEmpty();
        assertThat(store.latestRun(REGISTRY)).contains(run);

        RunTotals totals = new RunTotals(10, 7, 2, 1);
        store.finishRun(run.id(), totals, T0.plusSeconds(600));
        ScanRun finished = store.run(run.id()).orElseThrow();
        assertThat(finished.finishedAt()).contains(T0.plusSeconds(600));
        assertThat(finished.totals()).contains(totals);
        assertThat(finished.finished()).isTrue();

        ScanRun next = store.startOrResumeRun(REGISTRY, "full", T0.plusSeconds(3600));
        assertThat(next.id()).isGreaterThan(run.id());
        assertThat(next.resumed()).isFalse();
        assertThat(store.latestRun(REGISTRY)).contains(next);
        assertThat(store.latestRun("other.example.com")).isEmpty();
    }

    @Test
    void aRestartResumesTheNewestUnfinishedRunOfTheSameRegistryAndMode() {
        long unfinished;
        try (ResultsStore before = open(environment())) {
            ScanRun first = before.startOrResumeRun(REGISTRY, "full", T0);
            before.finishRun(first.id(), new RunTotals(0, 0, 0, 0), T0.plusSeconds(1));
            unfinished = before.startOrResumeRun(REGISTRY, "full", T0.plusSeconds(2)).id();
            before.recordImage(unfinished, success("team/app", "sha256:aa", List.of("1"), T0.plusSeconds(3), "x"));
        }
        ResultsStore after = store();
        ScanRun resumed = after.startOrResumeRun(REGISTRY, "full", T0.plusSeconds(100));
        assertThat(resumed.id()).isEqualTo(unfinished);
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.startedAt()).as("the run keeps its start").isEqualTo(T0.plusSeconds(2));
        assertThat(after.completedImageKeys(unfinished)).containsExactly("team/app@sha256:aa");
        assertThat(after.run(unfinished).orElseThrow().resumed()).isTrue();

        ScanRun otherMode = after.startOrResumeRun(REGISTRY, "incremental", T0.plusSeconds(101));
        assertThat(otherMode.id()).isNotEqualTo(unfinished);
        assertThat(otherMode.resumed()).isFalse();
        ScanRun otherRegistry = after.startOrResumeRun("other.example.com", "full", T0.plusSeconds(102));
        assertThat(otherRegistry.id()).isNotIn(unfinished, otherMode.id());
        assertThat(otherRegistry.resumed()).isFalse();
    }

    @Test
    void finishingAnUnknownRunIsRefused() {
        ResultsStore store = store();
        assertThatThrownBy(() -> store.finishRun(999, new RunTotals(0, 0, 0, 0), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no run 999");
    }

    @Test
    void recordsRoundTripEveryFieldAndComeOrderedByImageKey() {
        ResultsStore store = store();
        long run = store.startOrResumeRun(REGISTRY, "full", T0).id();
        long other = store.startOrResumeRun("other.example.com", "full", T0).id();
        ImageRecord ok = success("team/b", "sha256:bb", List.of("1.0", "latest"), T0.plusMillis(1234), "{}");
        ImageRecord failed = failure("team/a", "broken", T0.plusSeconds(2));
        ImageRecord skipped = new ImageRecord("team/c:big", "team/c", List.of(), null, null, null,
                ImageStatus.SKIPPED, null, null, "larger than --max-image-size", SeverityCounts.ZERO, new byte[0],
                0, 0, 0, T0.plusSeconds(3));
        store.recordImage(run, ok);
        store.recordImage(run, skipped);
        store.recordImage(run, failed);
        store.recordImage(other, success("team/z", "sha256:zz", List.of("z"), T0, "z"));

        assertThat(store.imageRecords(run)).containsExactly(failed, ok, skipped);
        assertThat(store.completedImageKeys(run)).containsExactlyInAnyOrder("team/a:broken", "team/b@sha256:bb",
                "team/c:big");
        assertThat(store.imageRecords(999)).isEmpty();
        assertThat(store.completedImageKeys(999)).isEmpty();
    }

    @Test
    void recordingTheSameImageAgainReplacesItsRecord() {
        ResultsStore store = store();
        long run = store.startOrResumeRun(REGISTRY, "full", T0).id();
        store.recordImage(run, failure("team/app", "1", T0));
        ImageRecord retried = new ImageRecord("team/app:1", "team/app", List.of("1", "stable"), "sha256:11",
                "linux/arm64", null, ImageStatus.SUCCESS, null, null, null, new SeverityCounts(0, 1, 0, 0, 0),
                new byte[] {1, 2, 3}, 1, 2, 3, T0.plusSeconds(60));
        store.recordImage(run, retried);

        assertThat(store.imageRecords(run)).containsExactly(retried);
        assertThat(store.completedImageKeys(run)).containsExactly("team/app:1");
    }

    @Test
    void knownImagesAreTheLatestSuccessPerRepositoryAndDigestOverAllRunsOfTheRegistry() {
        ResultsStore store = store();
        long first = store.startOrResumeRun(REGISTRY, "full", T0).id();
        store.recordImage(first, success("team/app", "sha256:01", List.of("1.0"), T0.plusSeconds(10), "old"));
        store.recordImage(first, success("team/db", "sha256:02", List.of("15"), T0.plusSeconds(11), "db"));
        store.recordImage(first, failure("team/web", "2", T0.plusSeconds(12)));
        store.finishRun(first, new RunTotals(3, 2, 1, 0), T0.plusSeconds(20));

        long second = store.startOrResumeRun(REGISTRY, "incremental", T0.plusSeconds(100)).id();
        store.recordImage(second, success("team/app", "sha256:01", List.of("1.0", "latest"), T0.plusSeconds(110),
                "new"));
        // The same digest failing later does not make the image unknown.
        store.recordImage(second, new ImageRecord("team/db@sha256:02", "team/db", List.of("15"), "sha256:02", null,
                null, ImageStatus.FAILED, "NETWORK_TIMEOUT", "timed out", null, null, null, 0, 0, 0,
                T0.plusSeconds(111)));
        // The same digest in another repository is another image.
        store.recordImage(second, success("team/app-copy", "sha256:01", List.of("x"), T0.plusSeconds(112), "c"));

        long elsewhere = store.startOrResumeRun("other.example.com", "full", T0).id();
        store.recordImage(elsewhere, success("team/other", "sha256:99", List.of("9"), T0.plusSeconds(5), "o"));

        List<KnownImage> known = store.knownImages(REGISTRY);
        assertThat(known).containsExactly(
                new KnownImage("team/app", List.of("1.0", "latest"), "sha256:01", "linux/amd64",
                        Instant.parse("2024-12-24T08:00:00Z"), T0.plusSeconds(110)),
                new KnownImage("team/app-copy", List.of("x"), "sha256:01", "linux/amd64",
                        Instant.parse("2024-12-24T08:00:00Z"), T0.plusSeconds(112)),
                new KnownImage("team/db", List.of("15"), "sha256:02", "linux/amd64",
                        Instant.parse("2024-12-24T08:00:00Z"), T0.plusSeconds(11)));
        assertThat(store.knownImages("other.example.com")).extracting(KnownImage::repository)
                .containsExactly("team/other");
    }

    @Test
    void cachesKeepTheFirstBytesPerDigestAndAnalyzerVersion() {
        ResultsStore store = store();
        assertThat(store.inventory("sha256:m1", "a1")).isEmpty();
        store.putInventory("sha256:m1", "a1", bytes("inventory one"));
        store.putInventory("sha256:m1", "a1", bytes("inventory again"));
        store.putInventory("sha256:m1", "a2", bytes("inventory by a2"));
        store.putLayerFragment("sha256:m1", "a1", bytes("a layer with the same digest"));

        assertThat(store.inventory("sha256:m1", "a1")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(
                "inventory one")));
        assertThat(store.inventory("sha256:m1", "a2")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(
                "inventory by a2")));
        assertThat(store.layerFragment("sha256:m1", "a1")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(
                "a layer with the same digest")));
        assertThat(store.layerFragment("sha256:m1", "a2")).isEmpty();
        assertThat(store.inventory("sha256:m2", "a1")).isEmpty();
    }

    @Test
    void concurrentPutsOfTheSameAndOfDifferentKeysNeverFail() throws Exception {
        ResultsStore store = store();
        ResultsStore otherProcess = store();
        byte[] big = new byte[256 * 1024];
        Arrays.fill(big, (byte) 7);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                ResultsStore via = n % 2 == 0 ? store : otherProcess;
                puts.add(threads.submit(() -> via.putLayerFragment("sha256:shared", "a1", big)));
                puts.add(threads.submit(() -> via.putInventory("sha256:m" + (n % 20), "a1", bytes("m" + (n % 20)))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        }
        assertThat(store.layerFragment("sha256:shared", "a1")).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
        for (int m = 0; m < 20; m++) {
            String expected = "m" + m;
            assertThat(otherProcess.inventory("sha256:m" + m, "a1"))
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(expected)));
        }
    }

    @Test
    void fiftyThreadsRecordingAtOnceAllLand() throws Exception {
        ResultsStore store = store();
        long run = store.startOrResumeRun(REGISTRY, "full", T0).id();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> records = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                records.add(threads.submit(() -> {
                    for (int j = 0; j < 4; j++) {
                        store.recordImage(run, success("team/app" + n, "sha256:" + j, List.of("t" + j),
                                T0.plusSeconds(n), "findings of " + n + "/" + j));
                    }
                }));
            }
            for (Future<?> record : records) {
                record.get();
            }
        }
        List<ImageRecord> records = store.imageRecords(run);
        assertThat(records).hasSize(200);
        assertThat(store.completedImageKeys(run)).hasSize(200);
        assertThat(records).allSatisfy(r -> assertThat(new String(r.findings(), StandardCharsets.UTF_8))
                .isEqualTo("findings of " + r.repository().substring("team/app".length()) + "/"
                        + r.digest().substring("sha256:".length())));
    }

    @Test
    void aLockIsHeldUntilItsOwnerReleasesIt() {
        ResultsStore first = store();
        ResultsStore second = store(new StoreEnvironment(clock, pid -> true, HOST, PID + 1));

        LockResult.Acquired acquired = acquired(first.tryLock(REGISTRY, 0, Duration.ofMinutes(5)));
        assertThat(acquired.takenOverFrom()).isEmpty();
        acquired.lock().attachRun(17);

        clock.advance(Duration.ofMinutes(1));
        LockOwner owner = held(second.tryLock(REGISTRY, 0, Duration.ofMinutes(5))).owner();
        assertThat(owner).isEqualTo(new LockOwner(HOST, PID, 17, T0, T0));
        assertThat(acquired(second.tryLock("other.example.com", 0, Duration.ofMinutes(5))).takenOverFrom())
                .as("locks are per registry").isEmpty();
        assertThat(first.tryLock(REGISTRY, 0, Duration.ofMinutes(5)))
                .as("not reentrant: the same store asking again is told who holds it")
                .isInstanceOf(LockResult.Held.class);

        acquired.lock().close();
        acquired.lock().close();
        LockResult.Acquired next = acquired(second.tryLock(REGISTRY, 3, Duration.ofMinutes(5)));
        assertThat(next.takenOverFrom()).isEmpty();
        assertThat(held(first.tryLock(REGISTRY, 0, Duration.ofMinutes(5))).owner())
                .isEqualTo(new LockOwner(HOST, PID + 1, 3, T0.plusSeconds(60), T0.plusSeconds(60)));
    }

    @Test
    void closingTheStoreReleasesItsLocks() {
        ResultsStore first = open(environment());
        acquired(first.tryLock(REGISTRY, 0, Duration.ofMinutes(5)));
        ResultsStore second = store(new StoreEnvironment(clock, pid -> true, HOST, PID + 1));
        held(second.tryLock(REGISTRY, 0, Duration.ofMinutes(5)));

        first.close();
        assertThat(acquired(second.tryLock(REGISTRY, 0, Duration.ofMinutes(5))).takenOverFrom()).isEmpty();
    }

    @Test
    void aLockOfADeadProcessOnThisHostIsTakenOver() {
        ResultsStore crashed = store();
        LockResult.Acquired lost = acquired(crashed.tryLock(REGISTRY, 5, Duration.ofHours(1)));

        ResultsStore restarted = store(new StoreEnvironment(clock, pid -> pid != PID, HOST, PID + 1));
        LockResult.Acquired acquired = acquired(restarted.tryLock(REGISTRY, 0, Duration.ofHours(1)));
        assertThat(acquired.takenOverFrom()).contains(new LockOwner(HOST, PID, 5, T0, T0));

        assertThatThrownBy(() -> lost.lock().heartbeat()).isInstanceOf(LockLostException.class)
                .hasMessageContaining("pid " + (PID + 1));
        lost.lock().close();
        assertThat(held(crashed.tryLock(REGISTRY, 0, Duration.ofHours(1))).owner().pid())
                .as("the old owner's release does not free the new owner's lock").isEqualTo(PID + 1);
    }

    @Test
    void aDeadPidOnAnotherHostSaysNothingWhileItsHeartbeatIsFresh() {
        ResultsStore remote = store(new StoreEnvironment(clock, pid -> true, "scanner-2", PID));
        acquired(remote.tryLock(REGISTRY, 0, Duration.ofMinutes(5)));

        ResultsStore local = store(new StoreEnvironment(clock, pid -> false, HOST, PID + 1));
        assertThat(held(local.tryLock(REGISTRY, 0, Duration.ofMinutes(5))).owner().host()).isEqualTo("scanner-2");
    }

    @Test
    void aLockWhoseHeartbeatIsStaleIsTakenOverAndItsOwnerLearnsOnTheNextHeartbeat() {
        MutableClock remoteClock = new MutableClock(T0);
        ResultsStore remote = store(new StoreEnvironment(remoteClock, pid -> true, "scanner-2", 7));
        LockResult.Acquired remoteLock = acquired(remote.tryLock(REGISTRY, 0, Duration.ofMinutes(5)));
        ResultsStore local = store(new StoreEnvironment(clock, pid -> true, HOST, PID));

        clock.advance(Duration.ofMinutes(4));
        remoteClock.advance(Duration.ofMinutes(4));
        remoteLock.lock().heartbeat();
        clock.advance(Duration.ofMinutes(4));
        assertThat(held(local.tryLock(REGISTRY, 0, Duration.ofMinutes(5))).owner().heartbeat())
                .as("a heartbeat keeps the lock fresh").isEqualTo(T0.plus(Duration.ofMinutes(4)));

        clock.advance(Duration.ofMinutes(2));
        LockResult.Acquired taken = acquired(local.tryLock(REGISTRY, 0, Duration.ofMinutes(5)));
        assertThat(taken.takenOverFrom()).contains(new LockOwner("scanner-2", 7, 0, T0,
                T0.plus(Duration.ofMinutes(4))));
        assertThatThrownBy(() -> remoteLock.lock().attachRun(1)).isInstanceOf(LockLostException.class)
                .satisfies(e -> assertThat(((LockLostException) e).owner().host()).isEqualTo(HOST));
    }

    @Test
    void ofManyProcessesRacingForALockExactlyOneGetsIt() throws Exception {
        List<ResultsStore> processes = IntStream.range(0, 4)
                .mapToObj(i -> store(new StoreEnvironment(clock, pid -> true, HOST, 100 + i))).toList();
        List<LockResult> results;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LockResult>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ResultsStore via = processes.get(i % processes.size());
                attempts.add(threads.submit(() -> via.tryLock(REGISTRY, 0, Duration.ofMinutes(5))));
            }
            results = new ArrayList<>();
            for (Future<LockResult> attempt : attempts) {
                results.add(attempt.get());
            }
        }
        assertThat(results).filteredOn(r -> r instanceof LockResult.Acquired).hasSize(1);
        long winner = results.stream().filter(r -> r instanceof LockResult.Held).map(r -> ((LockResult.Held) r)
                .owner().pid()).distinct().reduce((a, b) -> -1L).orElseThrow();
        assertThat(winner).as("every loser names the same owner").isBetween(100L, 103L);
    }

    static LockResult.Acquired acquired(LockResult result) {
        assertThat(result).isInstanceOf(LockResult.Acquired.class);
        return (LockResult.Acquired) result;
    }

    static LockResult.Held held(LockResult result) {
        assertThat(result).isInstanceOf(LockResult.Held.class);
        return (LockResult.Held) result;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
