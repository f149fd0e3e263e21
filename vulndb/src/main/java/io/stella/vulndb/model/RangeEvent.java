package io.stella.vulndb.model;

import java.util.Objects;

/** One OSV range event: {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}. */
public record RangeEvent(Kind kind, String version) {
    public enum Kind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }

    public RangeEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
    }
}
