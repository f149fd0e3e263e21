package io.stella.vulndb.update;

import java.net.URI;

/** Download progress of {@link DatabaseUpdater}. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (source, bytesSoFar, totalBytes) -> { };

    /** @param totalBytes the full size, or -1 when the server does not say */
    void onProgress(URI source, long bytesSoFar, long totalBytes);
}
