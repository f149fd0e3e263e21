package io.stella.inventory.analyzers.java;

import java.io.IOException;

/**
 * An I/O failure of the analysed file's own stream (as opposed to malformed content), which the analyzer
 * must pass on rather than report as a warning.
 */
final class SourceReadException extends IOException {
    SourceReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
