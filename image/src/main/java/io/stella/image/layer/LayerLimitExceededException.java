package io.stella.image.layer;

import java.io.IOException;

/** A layer went past one of the {@link io.stella.image.LayerLimits}; reading it stops. */
public final class LayerLimitExceededException extends IOException {
    private final String kind;

    public LayerLimitExceededException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** decompression-bomb or layer-too-large. */
    public String kind() {
        return kind;
    }
}
