package io.stella.scan.report;

import io.stella.scan.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/** Renders a scan report in one format. The stream is written to, flushed, and left open. */
public interface ReportWriter {
    /** The format's id as the CLI accepts it ({@code table}, {@code json}, {@code sarif} ...). */
    String format();

    void write(ScanReport report, OutputStream out) throws IOException;
}
