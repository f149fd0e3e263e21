package io.stella.cli;

import io.stella.vulndb.update.ProgressListener;
import java.io.PrintWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Download progress of {@code db update} on standard error: a line per source at every further 10 %, and at the end. */
final class DownloadProgress implements ProgressListener {
    private final PrintWriter err;
    private final Map<URI, Long> lastTenth = new HashMap<>();

    DownloadProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(URI source, long bytesSoFar, long totalBytes) {
        long tenth = totalBytes > 0 ? bytesSoFar * 10 / totalBytes : bytesSoFar / (8L << 20);
        Long previous = lastTenth.put(source, tenth);
        if (previous != null && previous == tenth) {
            return;
        }
        if (totalBytes > 0) {
            err.printf("downloading %s: %d%% of %.1f MiB%n", source, tenth * 10, totalBytes / 1048576.0);
        } else {
            err.printf("downloading %s: %.1f MiB%n", source, bytesSoFar / 1048576.0);
        }
        err.flush();
    }
}
