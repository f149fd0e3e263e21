package io.stella.registry.http;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.trace.Trace;
import io.stella.registry.trace.TraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one HTTP request with bounded retries: 5xx, 429 and connection resets are retried with
 * exponential backoff and jitter, honouring {@code Retry-After}; everything else (including every 4xx
 * but 429) is returned to the caller at once, so invalid credentials are never retried. Redirects are
 * not followed here.
 */
public final class HttpTransport {
    private static final Duration PROBE_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client;
    private final HttpClient probeClient;
    private final NetworkSettings settings;
    private final Trace trace;
    private final Sleeper sleeper;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicReference<RateLimitStatus> rateLimit =
            new java.util.concurrent.atomic.AtomicReference<>();

    public HttpTransport(TlsSettings tls, NetworkSettings settings, Optional<ProxySelector> proxy, Trace trace,
                         Sleeper sleeper, Clock clock) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .sslContext(SslContexts.forSettings(tls))
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        proxy.ifPresent(builder::proxy);
        this.client = builder.build();
        // A TLS probe of a server that may speak plain HTTP: some never answer a ClientHello.
        this.probeClient = builder.connectTimeout(min(settings.connectTimeout(), PROBE_CONNECT_TIMEOUT)).build();
        this.settings = settings;
        this.trace = trace;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public NetworkSettings settings() {
        return settings;
    }

    /** The rate-limit status of the latest response that carried one (Docker Hub's manifest responses). */
    public Optional<RateLimitStatus> rateLimit() {
        return Optional.ofNullable(rateLimit.get());
    }

    /** A request builder with the response timeout applied. */
    public HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.responseTimeout());
    }

    /**
     * Sends the request; a 2xx-4xx answer (but 429) comes back unread. Throws a {@link RegistryException}
     * for network failures and for 5xx/429 that persist after the retries.
     */
    public HttpResponse<InputStream> send(HttpRequest request, String registry) {
        return send(request, registry, client, settings.maxAttempts());
    }

    /**
     * One attempt with a short connect timeout, for trying HTTPS on a server that may only speak plain
     * HTTP. 5xx and 429 are still answered as by {@link #send}.
     */
    public HttpResponse<InputStream> probe(HttpRequest request, String registry) {
        HttpRequest shortRequest = HttpRequest.newBuilder(request, (n, v) -> true)
                .timeout(min(settings.responseTimeout(), PROBE_CONNECT_TIMEOUT.multipliedBy(2))).build();
        return send(shortRequest, registry, probeClient, 1);
    }

    private HttpResponse<InputStream> send(HttpRequest request, String registry, HttpClient http, int maxAttempts) {
        int attempt = 0;
        while (true) {
            attempt++;
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (ConnectionFailures.isTransient(e) && attempt < maxAttempts) {
                    pause(backoff(attempt), "retry " + attempt + " after " + e.getClass().getSimpleName(), request);
                    continue;
                }
                throw ConnectionFailures.classify(e, redact(request), registry).toBuilder()
                        .evidence("attempts", attempt).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryException.builder(FailureCode.NETWORK_ERROR, "interrupted while talking to " + registry)
                        .registry(registry).cause(e).build();
            }
            int status = response.statusCode();
            trace.record(TraceEvent.Kind.RESPONSE, request.method() + " " + redact(request) + " -> " + status,
                    responseDetails(response));
            Optional<RateLimitStatus> limitStatus = recordRateLimit(response);
            if (status != 429 && status < 500) {
                return response;
            }
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            Optional<Duration> retryAfter = retryAfter(response);
            // A pull quota used up for a window of hours (Docker Hub) does not come back within any retry.
            boolean quotaGoneForLong = status == 429 && retryAfter.isEmpty() && limitStatus
                    .filter(RateLimitStatus::exhausted)
                    .flatMap(RateLimitStatus::window)
                    .filter(w -> w.compareTo(settings.maxRetryAfter()) > 0).isPresent();
            boolean waitable = !quotaGoneForLong
                    && retryAfter.map(d -> d.compareTo(settings.maxRetryAfter()) <= 0).orElse(true);
            if (attempt < maxAttempts && waitable) {
                Duration wait = retryAfter.map(d -> max(d, Duration.ofMillis(1))).orElse(backoff(attempt));
                pause(wait, "retry " + attempt + " after HTTP " + status, request);
                continue;
            }
            throw serverFailure(request, response, body, retryAfter, limitStatus, attempt, registry);
        }
    }

    private RegistryException serverFailure(HttpRequest request, HttpResponse<?> response, RegistryErrorBody body,
                                            Optional<Duration> retryAfter, Optional<RateLimitStatus> limitStatus,
                                            int attempts, String registry) {
        int status = response.statusCode();
        boolean limited = status == 429;
        String message = limited
                ? "registry " + registry + " is rate-limiting requests (HTTP 429 after " + attempts + " attempts)"
                : "registry " + registry + " answered HTTP " + status + " " + attempts + " times";
        RegistryException.Builder b = RegistryException.builder(
                        limited ? FailureCode.REGISTRY_RATE_LIMITED : FailureCode.REGISTRY_UNAVAILABLE, message)
                .registry(registry)
                .evidence("http_status", status)
                .evidence("url", redact(request))
                .evidence("attempts", attempts)
                .evidence("registry_error_code", body.code())
                .evidence("registry_error_message", body.message());
        retryAfter.ifPresent(d -> b.evidence("retry_after_seconds", d.toSeconds()));
        response.headers().firstValue("ratelimit-limit").ifPresent(v -> b.evidence("ratelimit_limit", v));
        response.headers().firstValue("ratelimit-remaining").ifPresent(v -> b.evidence("ratelimit_remaining", v));
        limitStatus.flatMap(RateLimitStatus::window).ifPresent(w -> b.evidence("ratelimit_window_seconds", w.toSeconds()));
        limitStatus.flatMap(RateLimitStatus::source).ifPresent(src -> b.evidence("ratelimit_source", src));
        if (limited) {
            b.hint(retryAfter.map(d -> "The registry asks to wait " + d.toSeconds() + " s. ").orElse("")
                    + FailureCode.REGISTRY_RATE_LIMITED.defaultHint());
        }
        return b.build();
    }

    /** Traces the rate-limit headers of a response and remembers them when they parse. */
    private Optional<RateLimitStatus> recordRateLimit(HttpResponse<?> response) {
        Optional<String> limit = response.headers().firstValue("ratelimit-limit");
        Optional<String> remaining = response.headers().firstValue("ratelimit-remaining");
        if (limit.isEmpty() && remaining.isEmpty()) {
            return Optional.empty();
        }
        Optional<RateLimitStatus> parsed = RateLimitStatus.fromHeaders(response.headers());
        Map<String, String> details = new LinkedHashMap<>();
        limit.ifPresent(v -> details.put("ratelimit-limit", v));
        remaining.ifPresent(v -> details.put("ratelimit-remaining", v));
        parsed.ifPresentOrElse(p -> {
            details.put("limit", String.valueOf(p.limit()));
            details.put("remaining", String.valueOf(p.remaining()));
            p.window().ifPresent(w -> details.put("window_seconds", String.valueOf(w.toSeconds())));
            p.source().ifPresent(s -> details.put("source", s));
            rateLimit.set(p);
        }, () -> details.put("parsed", "no (malformed; ignored)"));
        trace.record(TraceEvent.Kind.RATE_LIMIT, "rate limit: "
                + parsed.map(RateLimitStatus::describe).orElse("unreadable headers " + details), details);
        return parsed;
    }

    private static Map<String, String> responseDetails(HttpResponse<?> response) {
        Map<String, String> details = new LinkedHashMap<>();
        response.headers().firstValue("content-type").ifPresent(v -> details.put("content-type", v));
        response.headers().firstValue("docker-content-digest").ifPresent(v -> details.put("digest", v));
        response.headers().firstValue("location").ifPresent(v -> details.put("location", RedactedUrl.of(v)));
        return details;
    }

    Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("retry-after").flatMap(v -> parseRetryAfter(v, clock.instant()));
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (java.time.format.DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private void pause(Duration wait, String why, HttpRequest request) {
        trace.record(TraceEvent.Kind.RETRY, why + ": waiting " + wait.toMillis() + " ms before "
                + request.method() + " " + redact(request), Map.of());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.builder(FailureCode.NETWORK_ERROR, "interrupted while waiting to retry")
                    .cause(e).build();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String redact(HttpRequest request) {
        return RedactedUrl.of(request.uri().toString());
    }
}
