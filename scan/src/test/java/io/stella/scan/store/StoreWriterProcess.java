package io.stella.scan.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in for a scanning process, run in its own JVM by {@link ResultsStoreCrashIntegrationTest}: takes the
 * lock of {@link #REGISTRY}, starts or resumes a run, prints "RUN id", then records images from several threads
 * until it is killed.
 */
public final class StoreWriterProcess {
    static final String REGISTRY = "crash.example.com";
    private static final int THREADS = 8;

    private StoreWriterProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ResultsStore store = ResultsStore.sqlite(Path.of(args[0]));
        if (!(store.tryLock(REGISTRY, 0, Duration.ofHours(1)) instanceof LockResult.Acquired acquired)) {
            System.out.println("HELD");
            System.exit(3);
            return;
        }
        ScanRun run = store.startOrResumeRun(REGISTRY, "full", Instant.now());
        acquired.lock().attachRun(run.id());
        System.out.println("RUN " + run.id());
        System.out.flush();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; ; i++) {
                    ImageRecord record = record("team/app" + thread, "sha256:" + i);
                    store.putLayerFragment(layerDigest(record), "a1", record.findings());
                    store.recordImage(run.id(), record);
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The record the writer makes for an image: its findings are derived from its key, 48 KiB of them. */
    static ImageRecord record(String repository, String digest) {
        String key = repository + "@" + digest;
        return new ImageRecord(key, repository, List.of("t-" + digest), digest, "linux/amd64", Instant.EPOCH,
                ImageStatus.SUCCESS, null, null, null, new SeverityCounts(1, 0, 0, 0, key.length()),
                findings(key), 1, 2, 3, Instant.ofEpochMilli(key.hashCode() & 0xffffffL));
    }

    /** A layer digest of the image's own, so that every image puts a fragment of its own. */
    static String layerDigest(ImageRecord record) {
        return "layer:" + record.imageKey();
    }

    static byte[] findings(String key) {
        return (key + "\n").repeat(48 * 1024 / (key.length() + 1)).getBytes(StandardCharsets.UTF_8);
    }
}
