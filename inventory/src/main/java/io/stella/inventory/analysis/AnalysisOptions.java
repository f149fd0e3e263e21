package io.stella.inventory.analysis;

/**
 * @param maxFileBytes the most an analyzer reads of one file; larger files are skipped with a warning
 */
public record AnalysisOptions(long maxFileBytes) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(128L << 20);
}
