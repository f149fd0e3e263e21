package io.stella.scan.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.stella.scan.ScanReport;
import io.stella.scan.report.ReportContext;
import io.stella.scan.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;

/** SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
public final class SarifReportWriter implements ReportFormat {
    public static final String FORMAT = "sarif";
    private static final ObjectWriter JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerWithDefaultPrettyPrinter();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(ScanReport report, ReportContext context, OutputStream out) throws IOException {
        JSON.writeValue(out, SarifMapper.map(report, context.toolVersion()));
        out.write('\n');
        out.flush();
    }
}
