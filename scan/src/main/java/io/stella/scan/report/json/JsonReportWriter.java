package io.stella.scan.report.json;

import io.stella.scan.ScanReport;
import io.stella.scan.report.ReportContext;
import io.stella.scan.report.JsonDocuments;
import io.stella.scan.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;

/** stella's JSON report (schema version 1, {@code stella-report.schema.json} on the class path). */
public final class JsonReportWriter implements ReportFormat {
    public static final String FORMAT = "json";
    /** Class-path location of the JSON schema of this format. */
    public static final String SCHEMA_RESOURCE = "/stella-report.schema.json";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(ScanReport report, ReportContext context, OutputStream out) throws IOException {
        JsonDocuments.write(JsonReportMapper.map(report), out);
    }
}
