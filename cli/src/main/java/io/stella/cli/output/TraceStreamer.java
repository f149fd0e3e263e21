package io.stella.cli.output;

import io.stella.registry.trace.TraceEvent;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/** Prints trace events to stderr as they happen, for {@code --verbose}. Events never hold secrets. */
public final class TraceStreamer implements Consumer<TraceEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private final PrintWriter err;

    public TraceStreamer(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(TraceEvent event) {
        synchronized (err) {
            err.println("[" + TIME.format(event.at()) + "] " + String.format("%-10s", event.kind()) + " " + event.message());
            for (Map.Entry<String, String> d : event.details().entrySet()) {
                if (!event.message().contains(d.getValue())) {
                    err.println("             " + d.getKey() + ": " + d.getValue());
                }
            }
            err.flush();
        }
    }
}
