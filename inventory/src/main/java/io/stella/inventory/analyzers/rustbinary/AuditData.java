package io.stella.inventory.analyzers.rustbinary;

import java.util.List;

/**
 * The decoded {@code .dep-v0} contents.
 *
 * @param crates          the well-formed package entries, in order
 * @param rejectedEntries how many entries were skipped as malformed
 * @param firstRejection  why the first skipped entry was rejected, or null
 */
public record AuditData(List<AuditedCrate> crates, int rejectedEntries, String firstRejection) {
    public AuditData {
        crates = List.copyOf(crates);
    }
}
