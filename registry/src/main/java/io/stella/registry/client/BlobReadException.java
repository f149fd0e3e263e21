package io.stella.registry.client;

import io.stella.registry.failure.RegistryException;
import java.io.IOException;

/** An IOException from reading a blob stream that carries the named failure behind it. */
public final class BlobReadException extends IOException {
    private final RegistryException failure;

    public BlobReadException(RegistryException failure) {
        super(failure.code() + ": " + failure.getMessage(), failure);
        this.failure = failure;
    }

    public RegistryException failure() {
        return failure;
    }
}
