package io.stella.scan.report;

import io.stella.scan.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One report format: the plugin point, found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.stella.scan.report.ReportFormat}). Formats are stateless; what a document needs
 * besides the report (clock, ids, tool version) comes in the {@link ReportContext}.
 */
public interface ReportFormat {
    /** The format's id as the CLI accepts it ({@code table}, {@code json}, {@code sarif} ...), unique. */
    String format();

    /** Writes the report; the stream is written to, flushed, and left open. */
    void write(ScanReport report, ReportContext context, OutputStream out) throws IOException;
}
