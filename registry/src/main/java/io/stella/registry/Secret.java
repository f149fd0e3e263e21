package io.stella.registry;

import java.util.Objects;

/**
 * A password, token or key. {@link #toString()} never shows the value, so a secret that ends up in a
 * log line, an exception message or a record's printed form stays redacted. Call {@link #reveal()}
 * only where the value goes onto the wire.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "<redacted>";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
