package io.stella.registry.trace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects {@link TraceEvent}s of one command run; safe to use from many threads. */
public final class Trace {
    private final Clock clock;
    private final List<TraceEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<java.util.function.Consumer<TraceEvent>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Trace(Clock clock) {
        this.clock = clock;
    }

    public static Trace discarding() {
        return new Trace(Clock.systemUTC());
    }

    public void record(TraceEvent.Kind kind, String message) {
        record(kind, message, Map.of());
    }

    public void record(TraceEvent.Kind kind, String message, Map<String, String> details) {
        TraceEvent event = new TraceEvent(clock.instant(), kind, message,
                Collections.unmodifiableMap(new LinkedHashMap<>(details)));
        events.add(event);
        listeners.forEach(l -> l.accept(event));
    }

    /** Called for every event as it happens (e.g. to stream verbose output). */
    public void onEvent(java.util.function.Consumer<TraceEvent> listener) {
        listeners.add(listener);
    }

    public List<TraceEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
