package io.stella.scan.report;

import io.stella.scan.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds report formats ({@link ReportFormat}) on the class path and binds them to a context. */
public final class ReportWriters {
    private ReportWriters() {}

    /**
     * The writer of format {@code id}.
     *
     * @throws IllegalArgumentException when no provider has that format (the message lists those that exist)
     */
    public static ReportWriter forFormat(String id, ReportContext context) {
        ReportFormat format = formatsById().get(id);
        if (format == null) {
            throw new IllegalArgumentException("unknown report format '" + id + "'; known formats: "
                    + String.join(", ", formats()));
        }
        return new ReportWriter() {
            @Override
            public String format() {
                return format.format();
            }

            @Override
            public void write(ScanReport report, OutputStream out) throws IOException {
                format.write(report, context, out);
            }
        };
    }

    /** The ids of every format, sorted. */
    public static List<String> formats() {
        return List.copyOf(formatsById().keySet());
    }

    private static Map<String, ReportFormat> formatsById() {
        Map<String, ReportFormat> byFormat = new TreeMap<>();
        for (ReportFormat provider : ServiceLoader.load(ReportFormat.class, ReportFormat.class.getClassLoader())) {
            ReportFormat previous = byFormat.putIfAbsent(provider.format(), provider);
            if (previous != null) {
                throw new IllegalStateException("two report writers for format '" + provider.format() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return byFormat;
    }
}
