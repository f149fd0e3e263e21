package io.stella.scan.store;

/** The image counts of a finished run. */
public record RunTotals(int total, int success, int failed, int skipped) {
}
