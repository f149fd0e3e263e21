package io.stella.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/** The faults a {@link FaultProxy} currently injects; safe to change from a test while requests flow. */
final class FaultRules {

    record Fault(Predicate<RecordedRequest> when, AtomicInteger remaining, int status, Map<String, String> headers,
                 byte[] body) {
    }

    private record Cut(AtomicInteger remaining, long afterBytes) {
    }

    private record HeaderRule(Predicate<RecordedRequest> when, Function<RecordedRequest, Map<String, String>> headers) {
    }

    private final List<Fault> pending = new CopyOnWriteArrayList<>();
    private final List<HeaderRule> headerRules = new CopyOnWriteArrayList<>();
    private final List<Cut> cuts = new CopyOnWriteArrayList<>();
    private final AtomicInteger resets = new AtomicInteger();
    private volatile Fault always;
    private volatile long bytesPerSecond;

    void failNext(Predicate<RecordedRequest> when, int count, int status, Map<String, String> headers, String body) {
        pending.add(new Fault(when, new AtomicInteger(count), status, Map.copyOf(headers), body(status, body)));
    }

    void failAlways(int status, Map<String, String> headers) {
        always = new Fault(r -> true, new AtomicInteger(Integer.MAX_VALUE), status, Map.copyOf(headers),
                body(status, null));
    }

    void addResponseHeaders(Predicate<RecordedRequest> when, Function<RecordedRequest, Map<String, String>> headers) {
        headerRules.add(new HeaderRule(when, headers));
    }

    /** The headers to add to the upstream's answer to this request (each matching rule asked once). */
    Map<String, String> extraHeaders(RecordedRequest request) {
        Map<String, String> all = new LinkedHashMap<>();
        for (HeaderRule rule : headerRules) {
            if (rule.when().test(request)) {
                all.putAll(rule.headers().apply(request));
            }
        }
        return all;
    }

    void resetNext(int count) {
        resets.addAndGet(count);
    }

    void cutNextBodies(int count, long afterBytes) {
        cuts.add(new Cut(new AtomicInteger(count), afterBytes));
    }

    void throttle(long rate) {
        bytesPerSecond = rate;
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    void clear() {
        pending.clear();
        headerRules.clear();
        cuts.clear();
        resets.set(0);
        always = null;
        bytesPerSecond = 0;
    }

    boolean takeReset() {
        return resets.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** The fault to answer this request with, counting it against its rule; null to pass the request through. */
    Fault takeFault(RecordedRequest request) {
        for (Fault fault : pending) {
            if (fault.when().test(request) && fault.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return fault;
            }
        }
        pending.removeIf(f -> f.remaining().get() <= 0);
        return always;
    }

    /** Bytes after which the next response body is cut off, or -1. */
    long takeCut() {
        for (Cut cut : cuts) {
            if (cut.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return cut.afterBytes();
            }
        }
        cuts.removeIf(c -> c.remaining().get() <= 0);
        return -1;
    }

    private static byte[] body(int status, String body) {
        if (body != null) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        String code = switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "TOOMANYREQUESTS";
            case 503 -> "UNAVAILABLE";
            default -> "UNKNOWN";
        };
        return ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"HTTP " + status
                + " injected by stella FaultProxy\"}]}").getBytes(StandardCharsets.UTF_8);
    }
}
