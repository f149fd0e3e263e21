package io.stella.cli;

import io.stella.scan.registry.ScanListener;
import io.stella.scan.registry.ScanPhase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A registry scan's log lines and progress on standard error. On a terminal the progress is one bar
 * redrawn in place; otherwise (CI logs, files) a plain progress line every {@code interval}.
 */
final class ScanProgress implements ScanListener {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final Duration interval;
    private final Clock clock;
    private Instant lastLine = Instant.EPOCH;
    private boolean barShown;

    ScanProgress(PrintWriter err, boolean terminal, Duration interval, Clock clock) {
        this.err = err;
        this.terminal = terminal;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public synchronized void log(ScanPhase phase, String message) {
        clearBar();
        err.println(clock.instant().truncatedTo(ChronoUnit.MILLIS) + " INFO [" + phase.id() + "] " + message);
        err.flush();
    }

    @Override
    public synchronized void progress(ScanPhase phase, int done, int total, int failed) {
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
            err.print("\r[" + phase.id() + "] [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                    + done + "/" + total + (failed > 0 ? " failed " + failed : "") + "   ");
            err.flush();
            barShown = true;
            return;
        }
        Instant now = clock.instant();
        if (done == total || Duration.between(lastLine, now).compareTo(interval) >= 0) {
            lastLine = now;
            err.println(now.truncatedTo(ChronoUnit.MILLIS) + " INFO [" + phase.id() + "] progress " + done + "/" + total
                    + " failed=" + failed);
            err.flush();
        }
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(BAR_WIDTH + 60) + "\r");
            barShown = false;
        }
    }
}
