package io.stella.scan.filter;

import java.time.LocalDate;

/**
 * One line of an ignore file.
 *
 * @param id      the vulnerability id to ignore (advisory id or alias)
 * @param expires the {@code exp:} date from which the entry no longer applies, or null
 * @param line    1-based line number
 */
public record IgnoreEntry(String id, LocalDate expires, int line) {
}
