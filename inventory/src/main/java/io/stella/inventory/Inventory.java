package io.stella.inventory;

import java.util.List;

/**
 * The result of analysing one image or file system: what it is, its distribution, its packages, and
 * every warning raised on the way.
 *
 * @param os        null when no release file was found
 * @param analyzers names of the analyzers that ran
 */
public record Inventory(ScanTarget target, OsRelease os, List<Package> packages, List<AnalysisWarning> warnings,
                        List<String> analyzers) {
    public Inventory {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
        analyzers = List.copyOf(analyzers);
    }

    /** Warning kinds after which the inventory does not cover the whole image. */
    public static final java.util.Set<String> INCOMPLETE_KINDS = java.util.Set.of("decompression-bomb",
            "layer-too-large", "foreign-layer");

    /** False when part of the image could not be analysed (the warnings say which). */
    public boolean complete() {
        return warnings.stream().noneMatch(w -> INCOMPLETE_KINDS.contains(w.kind()));
    }
}
