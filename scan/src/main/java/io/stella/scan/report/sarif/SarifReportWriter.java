package io.stella.scan.report.sarif;

import io.stella.scan.ScanReport;
import io.stella.scan.report.ReportContext;
import io.stella.scan.report.JsonDocuments;
import io.stella.scan.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;

/** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
public final class SarifReportWriter implements ReportFormat {
    public static final String FORMAT = "sarif";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(ScanReport report, ReportContext context, OutputStream out) throws IOException {
        JsonDocuments.write(SarifMapper.map(report, context.toolVersion()), out);
    }
}
