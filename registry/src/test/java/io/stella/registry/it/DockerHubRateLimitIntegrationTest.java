package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.RateLimitStatus;
import io.stella.registry.trace.Trace;
import io.stella.registry.trace.TraceEvent;
import io.stella.testing.Closer;
import io.stella.testing.FaultProxy;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.RecordedRequest;
import io.stella.testing.Skopeo;
import io.stella.testing.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker Hub's pull rate limit in front of a real registry: a proxy adds the {@code ratelimit-*} headers Docker Hub
 * sends on manifest GETs, counting down a quota, and answers 429 TOOMANYREQUESTS with Docker Hub's body once the
 * quota is used up.
 */
@Tag("integration")
class DockerHubRateLimitIntegrationTest {
    static final int LIMIT = 100;
    static final String WINDOW = ";w=21600";
    static final String SOURCE = "203.0.113.7";
    static final String TOO_MANY = "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your pull "
            + "rate limit. You may increase the limit by authenticating and upgrading: "
            + "https://www.docker.com/increase-rate-limit\"}]}";
    static LocalRegistry registry;
    static FaultProxy proxy;

    @BeforeAll
    static void start(@TempDir Path dir) {
        registry = LocalRegistry.builder().anonymous().start();
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("app"), "linux", "amd64", null, 1024)),
                registry, "library/app:1.0", PushAuth.NONE, false);
        proxy = FaultProxy.start(registry);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(proxy, registry);
    }

    @AfterEach
    void clear() {
        proxy.clearFaults();
    }

    private static boolean manifestGet(RecordedRequest r) {
        return r.method().equals("GET") && r.path().contains("/manifests/");
    }

    /** Docker Hub's quota with {@code left} pulls remaining; pulls beyond it are answered 429. */
    private static AtomicInteger hubQuota(int left) {
        AtomicInteger remaining = new AtomicInteger(left);
        proxy.failNext(r -> manifestGet(r) && remaining.get() <= 0, Integer.MAX_VALUE, 429,
                Map.of("ratelimit-limit", LIMIT + WINDOW, "ratelimit-remaining", "0" + WINDOW,
                        "docker-ratelimit-source", SOURCE, "Content-Type", "application/json"), TOO_MANY);
        proxy.addResponseHeaders(DockerHubRateLimitIntegrationTest::manifestGet, r -> Map.of(
                "ratelimit-limit", LIMIT + WINDOW,
                "ratelimit-remaining", remaining.decrementAndGet() + WINDOW,
                "docker-ratelimit-source", SOURCE));
        return remaining;
    }

    private static RegistryClient client(RegistryType type, Trace trace) {
        return Clients.builder(proxy.host()).vendor(type).trace(trace).build();
    }

    @Test
    void manifestResponsesReportTheQuotaAndTheTraceShowsIt() {
        hubQuota(3);
        Trace trace = new Trace(Clock.systemUTC());
        RegistryClient c = client(RegistryType.DOCKERHUB, trace);
        assertThat(c.rateLimit()).as("nothing reported before the first manifest").isEmpty();
        c.manifest("library/app", "1.0");
        assertThat(c.rateLimit()).contains(new RateLimitStatus(LIMIT, 2, Optional.of(Duration.ofSeconds(21600)),
                Optional.of(SOURCE)));
        c.manifest("library/app", "1.0");
        assertThat(c.rateLimit()).hasValueSatisfying(s -> assertThat(s.remaining()).isEqualTo(1));
        assertThat(trace.events()).filteredOn(e -> e.kind() == TraceEvent.Kind.RATE_LIMIT)
                .extracting(TraceEvent::message)
                .containsExactly("rate limit: 2 of 100 left per 21600 s (6 h), counted against 203.0.113.7",
                        "rate limit: 1 of 100 left per 21600 s (6 h), counted against 203.0.113.7");
        assertThat(trace.events()).filteredOn(e -> e.kind() == TraceEvent.Kind.RATE_LIMIT).last()
                .satisfies(e -> assertThat(e.details()).containsEntry("limit", "100").containsEntry("remaining", "1")
                        .containsEntry("window_seconds", "21600").containsEntry("source", SOURCE)
                        .containsEntry("ratelimit-remaining", "1;w=21600"));
    }

    @Test
    void anExhaustedQuotaIsRateLimitedWithDockerHubsLimitsAndNoRetries() {
        hubQuota(1);
        RegistryClient c = client(RegistryType.DOCKERHUB, new Trace(Clock.systemUTC()));
        c.manifest("library/app", "1.0");
        assertThat(c.rateLimit()).hasValueSatisfying(s -> assertThat(s.exhausted()).isTrue());
        int before = proxy.requests().size();

        Throwable thrown = catchThrowable(() -> c.manifest("library/app", "1.0"));
        assertThat(thrown).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED);
            assertThat(e.hint()).contains("Docker Hub's pull rate limit is used up",
                    "anonymous pulls are limited to 100 per 6 h per IP; authenticated free users 200",
                    "log in with a PAT (stella registry configure docker-hub --username",
                    "rolling window of 21600 s (6 h)", "counts these pulls against 203.0.113.7");
            assertThat(e.evidence()).containsEntry("http_status", "429")
                    .containsEntry("registry_error_code", "TOOMANYREQUESTS")
                    .containsEntry("ratelimit_window_seconds", "21600")
                    .containsEntry("ratelimit_source", SOURCE)
                    .containsEntry("vendor", "Docker Hub");
        });
        assertThat(proxy.requests().subList(before, proxy.requests().size())).filteredOn(
                DockerHubRateLimitIntegrationTest::manifestGet)
                .as("a quota gone for hours is not retried").hasSize(1);
    }

    @Test
    void theSame429OnAGenericRegistryGetsTheGenericHint() {
        hubQuota(0);
        Throwable thrown = catchThrowable(() -> client(RegistryType.GENERIC, new Trace(Clock.systemUTC()))
                .manifest("library/app", "1.0"));
        assertThat(thrown).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED);
            assertThat(e.hint()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED.defaultHint());
            assertThat(e.evidence()).doesNotContainKey("vendor");
        });
    }

    @Test
    void malformedRateLimitHeadersAreIgnored() {
        proxy.addResponseHeaders(DockerHubRateLimitIntegrationTest::manifestGet, r -> Map.of(
                "ratelimit-limit", "lots", "ratelimit-remaining", "-4;w=soon"));
        Trace trace = new Trace(Clock.systemUTC());
        RegistryClient c = client(RegistryType.DOCKERHUB, trace);
        assertThat(c.manifest("library/app", "1.0").mediaType()).isNotBlank();
        assertThat(c.rateLimit()).isEmpty();
        assertThat(trace.events()).filteredOn(e -> e.kind() == TraceEvent.Kind.RATE_LIMIT).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("parsed", "no (malformed; ignored)"));
    }
}
