package io.stella.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class RequestLimitTest {

    /** The smallest response: a body and nothing else. */
    private record Body(InputStream body) implements HttpResponse<InputStream> {
        @Override public int statusCode() { return 200; }
        @Override public HttpRequest request() { return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build(); }
        @Override public Optional<HttpResponse<InputStream>> previousResponse() { return Optional.empty(); }
        @Override public HttpHeaders headers() { return HttpHeaders.of(Map.of(), (a, b) -> true); }
        @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
        @Override public URI uri() { return URI.create("http://127.0.0.1/"); }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }

    @Test
    void aRequestHoldsItsSlotUntilItsBodyIsClosed() throws Exception {
        RequestLimit limit = RequestLimit.of(2);
        HttpResponse<InputStream> first = limit.run(() -> new Body(new ByteArrayInputStream(new byte[] {1})));
        HttpResponse<InputStream> second = limit.run(() -> new Body(new ByteArrayInputStream(new byte[] {2})));
        assertThat(limit.inUse()).isEqualTo(2);
        assertThat(first.body().read()).isEqualTo(1);
        first.body().close();
        first.body().close(); // twice: released once
        assertThat(limit.inUse()).isEqualTo(1);
        second.body().close();
        assertThat(limit.inUse()).isZero();
    }

    @Test
    void aFailedRequestGivesItsSlotBack() {
        RequestLimit limit = RequestLimit.of(1);
        assertThatThrownBy(() -> limit.run(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(limit.inUse()).isZero();
    }

    @Test
    void neverMoreRequestsAtOnceThanTheLimit() throws Exception {
        RequestLimit limit = RequestLimit.of(3);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                calls.add(threads.submit(() -> {
                    HttpResponse<InputStream> response = limit.run(() -> {
                        peak.accumulateAndGet(open.incrementAndGet(), Math::max);
                        return new Body(new ByteArrayInputStream(new byte[0]));
                    });
                    Thread.sleep(2);
                    open.decrementAndGet();
                    response.body().close();
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        assertThat(peak.get()).isBetween(1, 3);
        assertThat(limit.inUse()).isZero();
    }
}
