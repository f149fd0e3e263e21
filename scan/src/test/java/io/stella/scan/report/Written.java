package io.stella.scan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.scan.ReportFixtures;
import io.stella.scan.ScanReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A report written by the registered writer of a format, with the fixtures' fixed clock and ids. */
final class Written {
    static final ObjectMapper JSON = new ObjectMapper();

    private Written() {}

    static byte[] bytes(String format, ScanReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ReportWriters.forFormat(format, ReportFixtures.CONTEXT).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode json(String format, ScanReport report) throws IOException {
        return JSON.readTree(bytes(format, report));
    }
}
