package io.stella.inventory.spi;

import java.io.IOException;

/**
 * A package analyzer plugin, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.stella.inventory.spi.PackageAnalyzer}). Implementations are stateless and
 * thread-safe: one instance analyses many files, possibly concurrently.
 *
 * <p>Files stream past once per layer: {@link #accepts} decides from the metadata alone (cheap, called
 * for every file), {@link #analyze} then reads the content. An analyzer that cannot parse a file reports
 * a warning through {@link Findings#warn} and returns; it throws only for I/O failures of the stream.
 */
public interface PackageAnalyzer {
    /** Short stable name, e.g. {@code apk}, {@code dpkg}, {@code rpm}, {@code jar}, {@code gobinary}. */
    String name();

    boolean accepts(FileInfo file);

    void analyze(AnalyzableFile file, Findings findings) throws IOException;
}
