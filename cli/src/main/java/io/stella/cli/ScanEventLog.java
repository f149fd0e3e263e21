package io.stella.cli;

import io.stella.cli.logging.EventLog;
import io.stella.scan.registry.ScanListener;
import io.stella.scan.registry.ScanPhase;
import io.stella.scan.store.ImageRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes a registry scan's callbacks on, and writes each log line to the log file as well: INFO with the
 * {@code registry} and {@code phase} fields, and a failed image's line at ERROR with its {@code code}.
 */
final class ScanEventLog implements ScanListener {
    static final String COMPONENT = "registry-scan";
    /** How RecordSink words a failed image: {@code image=… status=FAILED code=CODE message="…"}. */
    private static final Pattern FAILED = Pattern.compile("\\bimage=(\\S+) status=FAILED code=(\\S+)");

    private final ScanListener delegate;
    private final String registry;

    ScanEventLog(ScanListener delegate, String registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public void log(ScanPhase phase, String message) {
        delegate.log(phase, message);
        Matcher failed = FAILED.matcher(message);
        if (failed.find()) {
            EventLog.error(COMPONENT, "ScannerImageFailed", message, "registry", registry, "phase", phase.id(),
                    "image", failed.group(1), "code", failed.group(2));
        } else {
            EventLog.info(COMPONENT, "ScannerRegistryScan", message, "registry", registry, "phase", phase.id());
        }
    }

    @Override
    public void progress(ScanPhase phase, int done, int total, int failed) {
        delegate.progress(phase, done, total, failed);
    }

    @Override
    public void imageRecorded(ImageRecord record) {
        delegate.imageRecorded(record);
    }
}
