package io.stella.vulndb.model;

import java.util.Locale;
import java.util.Optional;

/** Qualitative severity, ordered from most to least severe; {@link #UNKNOWN} when no source gives one. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, NONE, UNKNOWN;

    /** The CVSS v3/v4 qualitative rating of a base score. */
    public static Severity fromScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score > 0.0) {
            return LOW;
        }
        return NONE;
    }

    /**
     * Reads a severity word as databases write it ({@code critical}, {@code High}, {@code MODERATE},
     * {@code important}, {@code negligible} ...).
     */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Optional.of(CRITICAL);
            case "HIGH", "IMPORTANT" -> Optional.of(HIGH);
            case "MEDIUM", "MODERATE" -> Optional.of(MEDIUM);
            case "LOW", "NEGLIGIBLE", "UNIMPORTANT" -> Optional.of(LOW);
            case "NONE" -> Optional.of(NONE);
            case "UNKNOWN" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }

    /** True when this is at least as severe as {@code threshold} (UNKNOWN is below LOW and above nothing). */
    public boolean atLeast(Severity threshold) {
        return rank() >= threshold.rank();
    }

    private int rank() {
        return switch (this) {
            case CRITICAL -> 5;
            case HIGH -> 4;
            case MEDIUM -> 3;
            case LOW -> 2;
            case UNKNOWN -> 1;
            case NONE -> 0;
        };
    }
}
