package io.stella.scan.registry;

import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Where the scan phase's records go: the run (through the caller), a log line per failure, and progress. */
final class RecordSink implements Consumer<ImageRecord> {
    private final Consumer<ImageRecord> store;
    private final ScanListener listener;
    private final int total;
    private final AtomicInteger done;
    private final AtomicInteger failed = new AtomicInteger();

    RecordSink(Consumer<ImageRecord> store, ScanListener listener, int alreadyDone, int total) {
        this.store = store;
        this.listener = listener;
        this.total = total;
        this.done = new AtomicInteger(alreadyDone);
    }

    @Override
    public void accept(ImageRecord r) {
        store.accept(r);
        if (r.status() == ImageStatus.FAILED) {
            failed.incrementAndGet();
            listener.log(ScanPhase.SCAN, "image=" + r.imageKey() + " status=FAILED code=" + r.failureCode()
                    + " message=\"" + r.failureMessage() + "\"");
        }
        listener.progress(ScanPhase.SCAN, done.incrementAndGet(), total, failed.get());
    }
}
