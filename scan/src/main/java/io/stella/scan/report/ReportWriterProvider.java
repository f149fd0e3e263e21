package io.stella.scan.report;

/**
 * The plugin point of report formats, found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.stella.scan.report.ReportWriterProvider}). A provider rather than the writer
 * itself is loaded because writers take their clock and id source from the {@link ReportContext}.
 */
public interface ReportWriterProvider {
    /** The format id, unique among providers. */
    String format();

    ReportWriter create(ReportContext context);
}
