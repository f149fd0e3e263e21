package io.stella.registry.http;

import java.io.IOException;

/** A streamed body made no progress for longer than the idle timeout. */
public final class IdleTimeoutException extends IOException {
    public IdleTimeoutException(String message) {
        super(message);
    }
}
