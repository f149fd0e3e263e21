package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.ImageReference;
import io.stella.registry.client.BlobReadException;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.manifest.Descriptor;
import io.stella.registry.trace.Trace;
import io.stella.registry.trace.TraceEvent;
import io.stella.testing.FaultProxy;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestImages;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits, server errors, resets and stalls, injected between stella and a real registry. */
@Tag("integration")
class ResilienceIntegrationTest {
    static LocalRegistry registry;
    static FaultProxy proxy;
    static final Map<String, String> RATE_LIMITED = Map.of("Retry-After", "1", "ratelimit-limit", "100;w=21600",
            "ratelimit-remaining", "0;w=21600", "Content-Type", "application/json");

    @BeforeAll
    static void start(@TempDir Path dir) {
        registry = LocalRegistry.builder().anonymous().start();
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("app"), "linux", "amd64", null, 128 * 1024)),
                registry, "app:1.0", PushAuth.NONE, false);
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

    private static ImageReference app() {
        return ImageReference.parse(proxy.host() + "/app:1.0");
    }

    private static boolean isManifest(io.stella.testing.RecordedRequest r) {
        return r.path().contains("/manifests/");
    }

    @Test
    void rateLimitIsWaitedOutAsRetryAfterSays() {
        Clients.RecordingSleeper sleeper = new Clients.RecordingSleeper();
        Trace trace = new Trace(Clock.systemUTC());
        RegistryClient c = Clients.builder(proxy.host()).sleeper(sleeper).trace(trace).build();
        c.ping();
        proxy.failNext(ResilienceIntegrationTest::isManifest, 2, 429, RATE_LIMITED);
        ResolvedImage image = c.resolve(app(), Optional.empty());
        assertThat(image.manifest().layers()).hasSize(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(trace.events()).anyMatch(e -> e.kind() == TraceEvent.Kind.RATE_LIMIT
                && e.details().get("ratelimit-remaining").equals("0;w=21600"));
    }

    @Test
    void persistentRateLimitIsReportedWithTheLimitHeaders() {
        Clients.RecordingSleeper sleeper = new Clients.RecordingSleeper();
        RegistryClient c = Clients.builder(proxy.host()).sleeper(sleeper).build();
        c.ping();
        proxy.failAlways(429, RATE_LIMITED);
        assertThatThrownBy(() -> c.resolve(app(), Optional.empty())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED);
            assertThat(e.evidence()).containsEntry("attempts", "4").containsEntry("retry_after_seconds", "1")
                    .containsEntry("ratelimit_limit", "100;w=21600").containsEntry("ratelimit_remaining", "0;w=21600");
            assertThat(e.hint()).contains("wait 1 s");
        });
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void retryAfterLongerThanStellaWaitsFailsAtOnce() {
        Clients.RecordingSleeper sleeper = new Clients.RecordingSleeper();
        RegistryClient c = Clients.builder(proxy.host()).sleeper(sleeper).build();
        c.ping();
        proxy.failAlways(429, Map.of("Retry-After", "3600"));
        assertThatThrownBy(() -> c.resolve(app(), Optional.empty())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED);
            assertThat(e.evidence()).containsEntry("attempts", "1").containsEntry("retry_after_seconds", "3600");
        });
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReported() {
        Clients.RecordingSleeper sleeper = new Clients.RecordingSleeper();
        RegistryClient c = Clients.builder(proxy.host()).sleeper(sleeper).build();
        c.ping();
        proxy.failNext(ResilienceIntegrationTest::isManifest, 2, 503, Map.of());
        assertThat(c.resolve(app(), Optional.empty()).manifest().layers()).hasSize(1);
        assertThat(sleeper.waits).hasSize(2).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(20)));

        int before = (int) proxy.requests().stream().filter(ResilienceIntegrationTest::isManifest).count();
        proxy.failAlways(502, Map.of());
        assertThatThrownBy(() -> c.resolve(app(), Optional.empty())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_UNAVAILABLE);
            assertThat(e.evidence()).containsEntry("http_status", "502").containsEntry("attempts", "4");
        });
        long manifestRequests = proxy.requests().stream().filter(ResilienceIntegrationTest::isManifest).count() - before;
        assertThat(manifestRequests).isEqualTo(4);
    }

    @Test
    void connectionResetsAreRetried() {
        RegistryClient c = Clients.builder(proxy.host()).sleeper(new Clients.RecordingSleeper()).build();
        c.ping();
        proxy.resetNext(2);
        assertThat(c.resolve(app(), Optional.empty()).manifest().layers()).hasSize(1);
    }

    @Test
    void aBodyCutOffMidwayIsAFailureNotAShortLayer() throws Exception {
        RegistryClient c = Clients.builder(proxy.host()).build();
        ResolvedImage image = c.resolve(app(), Optional.empty());
        Descriptor layer = image.manifest().layers().getFirst();
        proxy.cutNextBodies(1, 10_000);
        try (InputStream in = c.openBlob("app", layer)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(BlobReadException.class,
                    e -> assertThat(e.failure().code()).isIn(FailureCode.NETWORK_ERROR, FailureCode.DIGEST_MISMATCH));
        }
    }

    @Test
    void aStalledBodyIsAbandonedByTheIdleWatchdog() throws Exception {
        NetworkSettings quick = new NetworkSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(400),
                1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
        RegistryClient c = Clients.builder(proxy.host()).network(quick).build();
        ResolvedImage image = c.resolve(app(), Optional.empty());
        Descriptor layer = image.manifest().layers().getFirst();
        proxy.throttleBodies(1);
        try (InputStream in = c.openBlob("app", layer)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(BlobReadException.class,
                    e -> assertThat(e.failure().code()).isEqualTo(FailureCode.NETWORK_TIMEOUT));
        }
    }
}
