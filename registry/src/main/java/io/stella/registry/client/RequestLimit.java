package io.stella.registry.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;

/**
 * At most N requests to one registry at a time, shared by every worker of a scan. A request holds its
 * permit until its body is closed, so a layer download counts for as long as it streams.
 */
public final class RequestLimit {
    /** No limit: callers that never asked for one. */
    public static final RequestLimit NONE = new RequestLimit(0);

    private final Semaphore permits;
    private final int max;

    private RequestLimit(int max) {
        this.max = max;
        this.permits = max > 0 ? new Semaphore(max, true) : null;
    }

    public static RequestLimit of(int maxConcurrentRequests) {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
        }
        return new RequestLimit(maxConcurrentRequests);
    }

    public int max() {
        return max;
    }

    /** Permits in use now, for tests and progress. */
    public int inUse() {
        return permits == null ? 0 : max - permits.availablePermits();
    }

    HttpResponse<InputStream> run(Supplier<HttpResponse<InputStream>> call) {
        if (permits == null) {
            return call.get();
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a free request slot");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        };
        try {
            return new Releasing(call.get(), release);
        } catch (RuntimeException | Error e) {
            release.run();
            throw e;
        }
    }

    /** The response with a body that gives the permit back when closed. */
    private static final class Releasing implements HttpResponse<InputStream> {
        private final HttpResponse<InputStream> delegate;
        private final InputStream body;

        Releasing(HttpResponse<InputStream> delegate, Runnable release) {
            this.delegate = delegate;
            this.body = new FilterInputStream(delegate.body()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        release.run();
                    }
                }
            };
        }

        @Override public int statusCode() { return delegate.statusCode(); }
        @Override public HttpRequest request() { return delegate.request(); }
        @Override public Optional<HttpResponse<InputStream>> previousResponse() { return delegate.previousResponse(); }
        @Override public HttpHeaders headers() { return delegate.headers(); }
        @Override public InputStream body() { return body; }
        @Override public Optional<SSLSession> sslSession() { return delegate.sslSession(); }
        @Override public URI uri() { return delegate.uri(); }
        @Override public HttpClient.Version version() { return delegate.version(); }
    }
}
