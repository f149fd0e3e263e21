package io.stella.inventory.analyzers.java;

import java.io.IOException;

/** A {@link LimitedInputStream} was asked for more than it may give. */
final class LimitExceededException extends IOException {
    LimitExceededException(String message) {
        super(message);
    }
}
