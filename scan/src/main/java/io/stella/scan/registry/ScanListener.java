package io.stella.scan.registry;

import io.stella.scan.store.ImageRecord;

/** What a registry scan tells its caller as it goes: log lines per phase, and progress. */
public interface ScanListener {
    /** A line for the log of the phase, e.g. "12 repositories via catalog". */
    void log(ScanPhase phase, String message);

    /** Progress within a phase: {@code done} of {@code total} items, {@code failed} of them failed. */
    void progress(ScanPhase phase, int done, int total, int failed);

    /** One image has its final record in this run. */
    default void imageRecorded(ImageRecord record) {
    }

    ScanListener NONE = new ScanListener() {
        @Override
        public void log(ScanPhase phase, String message) {
        }

        @Override
        public void progress(ScanPhase phase, int done, int total, int failed) {
        }
    };
}
