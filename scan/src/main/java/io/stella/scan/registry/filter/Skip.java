package io.stella.scan.registry.filter;

import java.util.Objects;

/**
 * Why something was not scanned.
 *
 * @param reason the setting responsible
 * @param detail for people, e.g. {@code created 2024-01-03, older than max_age_days 90}
 */
public record Skip(SkipReason reason, String detail) {

    public Skip {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
