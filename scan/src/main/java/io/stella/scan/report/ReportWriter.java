package io.stella.scan.report;

import io.stella.scan.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/** A report format bound to its context: what a command writes with. */
public interface ReportWriter {
    /** The format's id. */
    String format();

    /** Renders the report; the stream is written to, flushed, and left open. */
    void write(ScanReport report, OutputStream out) throws IOException;
}
