package io.stella.scan.report;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds report writers among the {@link ReportWriterProvider}s on the class path. */
public final class ReportWriters {
    private ReportWriters() {}

    /**
     * The writer of format {@code id}.
     *
     * @throws IllegalArgumentException when no provider has that format (the message lists those that exist)
     */
    public static ReportWriter forFormat(String id, ReportContext context) {
        ReportWriterProvider provider = providers().get(id);
        if (provider == null) {
            throw new IllegalArgumentException("unknown report format '" + id + "'; known formats: "
                    + String.join(", ", formats()));
        }
        return provider.create(context);
    }

    /** The ids of every format, sorted. */
    public static List<String> formats() {
        return List.copyOf(providers().keySet());
    }

    private static Map<String, ReportWriterProvider> providers() {
        Map<String, ReportWriterProvider> byFormat = new TreeMap<>();
        for (ReportWriterProvider provider : ServiceLoader.load(ReportWriterProvider.class)) {
            ReportWriterProvider previous = byFormat.putIfAbsent(provider.format(), provider);
            if (previous != null) {
                throw new IllegalStateException("two report writers for format '" + provider.format() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return byFormat;
    }
}
