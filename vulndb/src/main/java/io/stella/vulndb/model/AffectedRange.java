package io.stella.vulndb.model;

import java.util.List;
import java.util.Objects;

/**
 * An OSV range: its type and events, in the order the record lists them. Only ECOSYSTEM and SEMVER
 * ranges are stored; GIT ranges are counted at import and dropped.
 */
public record AffectedRange(Type type, List<RangeEvent> events) {
    public enum Type { ECOSYSTEM, SEMVER }

    public AffectedRange {
        Objects.requireNonNull(type, "type");
        events = List.copyOf(events);
    }
}
