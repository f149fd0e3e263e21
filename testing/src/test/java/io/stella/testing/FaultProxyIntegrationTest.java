package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class FaultProxyIntegrationTest {

    private static LocalRegistry registry;
    private static FaultProxy proxy;
    private static String layerDigest;
    private static long layerSize;
    private final HttpClient client = Http.client();

    @BeforeAll
    static void start(@TempDir Path dir) {
        registry = LocalRegistry.builder().anonymous().start();
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir, "linux", "amd64", null, 400_000)), registry, "lib/app:1",
                PushAuth.NONE, false);
        proxy = FaultProxy.start(registry);
        JsonNode manifest = Http.json(LocalRegistryIntegrationTest.manifest(Http.client(), registry.baseUrl(),
                "lib/app", "1", null));
        layerDigest = manifest.get("layers").get(0).get("digest").asText();
        layerSize = manifest.get("layers").get(0).get("size").asLong();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        registry.close();
    }

    @BeforeEach
    void clear() {
        proxy.clearFaults();
    }

    @Test
    void addsHeadersToMatchingUpstreamAnswersUntilCleared() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        proxy.addResponseHeaders(r -> r.path().contains("/manifests/"),
                r -> Map.of("ratelimit-remaining", (10 - calls.incrementAndGet()) + ";w=21600",
                        "Docker-Content-Digest", "sha256:replaced"));
        HttpResponse<byte[]> first = LocalRegistryIntegrationTest.manifest(client, proxy.baseUrl(), "lib/app", "1", null);
        HttpResponse<byte[]> second = LocalRegistryIntegrationTest.manifest(client, proxy.baseUrl(), "lib/app", "1", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ratelimit-remaining")).contains("9;w=21600");
        assertThat(second.headers().firstValue("ratelimit-remaining")).contains("8;w=21600");
        assertThat(second.headers().allValues("Docker-Content-Digest")).as("replaced, not doubled")
                .containsExactly("sha256:replaced");
        HttpResponse<byte[]> ping = Http.send(client, HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v2/")).build());
        assertThat(ping.headers().firstValue("ratelimit-remaining")).as("not a manifest request").isEmpty();

        proxy.clearFaults();
        HttpResponse<byte[]> cleared = LocalRegistryIntegrationTest.manifest(client, proxy.baseUrl(), "lib/app", "1", null);
        assertThat(cleared.headers().firstValue("ratelimit-remaining")).isEmpty();
        assertThat(calls).hasValue(2);
    }

    @Test
    void passesRequestsAndHeadersThrough() {
        int before = proxy.requestCount();
        HttpResponse<byte[]> direct = LocalRegistryIntegrationTest.manifest(client, registry.baseUrl(), "lib/app", "1",
                null);
        HttpResponse<byte[]> proxied = LocalRegistryIntegrationTest.manifest(client, proxy.baseUrl(), "lib/app", "1",
                null);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.body()).isEqualTo(direct.body());
        assertThat(proxied.headers().firstValue("Docker-Content-Digest"))
                .isEqualTo(direct.headers().firstValue("Docker-Content-Digest"));
        assertThat(proxied.headers().firstValue("Content-Type")).isEqualTo(direct.headers().firstValue("Content-Type"));
        assertThat(proxy.requestCount()).isEqualTo(before + 1);
        assertThat(proxy.requests()).last().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v2/lib/app/manifests/1");
            assertThat(r.header("accept")).isPresent();
        });

        HttpResponse<byte[]> head = Http.send(client, HttpRequest.newBuilder(
                URI.create(proxy.baseUrl() + "/v2/lib/app/blobs/" + layerDigest)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(layerSize);

        HttpResponse<byte[]> blob = Http.get(client, proxy.baseUrl() + "/v2/lib/app/blobs/" + layerDigest);
        assertThat(sha256(blob.body())).isEqualTo(layerDigest);

        HttpResponse<byte[]> missing = Http.get(client, proxy.baseUrl() + "/v2/lib/nope/manifests/1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.text(missing)).contains("MANIFEST_UNKNOWN");
    }

    @Test
    void injects429ThenRecovers() {
        proxy.failNext(2, 429, Map.of("Retry-After", "1", "ratelimit-limit", "100;w=21600",
                "ratelimit-remaining", "0;w=21600"));
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> limited = Http.get(client, proxy.baseUrl() + "/v2/");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0;w=21600");
            assertThat(Http.json(limited).get("errors").get(0).get("code").asText()).isEqualTo("TOOMANYREQUESTS");
        }
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/").statusCode()).isEqualTo(200);

        proxy.failAlways(503, Map.of());
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/").statusCode()).isEqualTo(503);
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/").statusCode()).isEqualTo(503);
        proxy.clearFaults();
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/").statusCode()).isEqualTo(200);

        proxy.failNext(r -> r.path().contains("/blobs/"), 1, 500, Map.of());
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/").statusCode()).isEqualTo(200);
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/lib/app/blobs/" + layerDigest).statusCode()).isEqualTo(500);
    }

    @Test
    void resetsConnections() throws IOException {
        proxy.resetNext(1);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write("GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
        // The JDK client retries a GET once on a dropped connection, so drop more than that.
        int before = proxy.requestCount();
        proxy.resetNext(5);
        assertThatThrownBy(() -> Http.get(client, proxy.baseUrl() + "/v2/")).hasCauseInstanceOf(IOException.class);
        assertThat(proxy.requestCount()).isGreaterThan(before);
        proxy.clearFaults();
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/").statusCode()).isEqualTo(200);
    }

    @Test
    void throttlesAndCutsBodies() {
        proxy.throttleBodies(400_000);
        long start = System.nanoTime();
        HttpResponse<byte[]> slow = Http.get(client, proxy.baseUrl() + "/v2/lib/app/blobs/" + layerDigest);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(sha256(slow.body())).isEqualTo(layerDigest);
        assertThat(took).isGreaterThan(Duration.ofMillis(800));

        proxy.clearFaults().cutNextBodies(1, 1000);
        assertThatThrownBy(() -> Http.get(client, proxy.baseUrl() + "/v2/lib/app/blobs/" + layerDigest))
                .hasCauseInstanceOf(IOException.class);
        assertThat(Http.get(client, proxy.baseUrl() + "/v2/lib/app/blobs/" + layerDigest).body()).hasSize((int) layerSize);
    }

    @Test
    void uploadsStreamThroughWithRewrittenLocations() {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        String digest = sha256(content);

        HttpResponse<byte[]> started = Http.send(client, HttpRequest.newBuilder(
                URI.create(proxy.baseUrl() + "/v2/lib/upload/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(proxy.baseUrl() + "/v2/lib/upload/blobs/uploads/");

        // ofInputStream has no known length, so the JDK client sends it chunked.
        HttpResponse<byte[]> patched = Http.send(client, HttpRequest.newBuilder(URI.create(location))
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)))
                .build());
        assertThat(patched.statusCode()).isEqualTo(202);
        String next = patched.headers().firstValue("Location").orElseThrow();
        assertThat(next).startsWith(proxy.baseUrl());

        HttpResponse<byte[]> done = Http.send(client, HttpRequest.newBuilder(
                URI.create(next + (next.contains("?") ? "&" : "?") + "digest=" + digest))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(done.headers().firstValue("Docker-Content-Digest")).hasValue(digest);

        HttpResponse<byte[]> fetched = Http.get(client, registry.baseUrl() + "/v2/lib/upload/blobs/" + digest);
        assertThat(fetched.body()).isEqualTo(content);
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
