package io.stella.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpPiecesTest {

    @Test
    void retryAfterInSecondsAndAsDate() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(HttpTransport.parseRetryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(HttpTransport.parseRetryAfter("Sun, 22 Nov 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(HttpTransport.parseRetryAfter("Sun, 22 Nov 2026 09:00:30 GMT", now)).contains(Duration.ZERO);
        assertThat(HttpTransport.parseRetryAfter("soon", now)).isEmpty();
    }

    @Test
    void redactsSecretsInUrls() {
        String url = "https://user:pw@bucket.s3.amazonaws.com/blob?X-Amz-Credential=AKIA&X-Amz-Signature=abc&x=1";
        String red = RedactedUrl.of(url);
        assertThat(red).doesNotContain("pw").doesNotContain("AKIA").doesNotContain("abc").contains("x=1");
        assertThat(RedactedUrl.of("https://t/token?access_token=zzz&scope=s")).doesNotContain("zzz").contains("scope=s");
    }

    @Test
    void loopbackHosts() {
        assertThat(Loopback.isLoopback("127.0.0.1")).isTrue();
        assertThat(Loopback.isLoopback("127.1.2.3:5000")).isTrue();
        assertThat(Loopback.isLoopback("localhost:5000")).isTrue();
        assertThat(Loopback.isLoopback("[::1]:5000")).isTrue();
        assertThat(Loopback.isLoopback("::1")).isTrue();
        assertThat(Loopback.isLoopback("10.0.0.1")).isFalse();
        assertThat(Loopback.isLoopback("127.0.0.1.evil.com")).isFalse();
        assertThat(Loopback.isLoopback("registry.example.com")).isFalse();
    }

    @Test
    void proxiesFromEnvironmentWithNoProxy() {
        var selector = (EnvProxySelector) EnvProxySelector.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128",
                "no_proxy", ".internal.example, registry.local:5000")).orElseThrow();
        assertThat(selector.select(URI.create("https://quay.io/v2/")).getFirst().address().toString()).contains("proxy");
        assertThat(selector.bypass(URI.create("https://harbor.internal.example/v2/"))).isTrue();
        assertThat(selector.bypass(URI.create("https://internal.example/v2/"))).isTrue();
        assertThat(selector.bypass(URI.create("https://registry.local:5000/v2/"))).isTrue();
        assertThat(selector.bypass(URI.create("https://registry.local:5001/v2/"))).isFalse();
        assertThat(selector.bypass(URI.create("https://127.0.0.1:5000/v2/"))).isTrue();
        // plain http has no proxy configured here
        assertThat(selector.select(URI.create("http://quay.io/v2/")).getFirst()).isEqualTo(java.net.Proxy.NO_PROXY);
        assertThat(EnvProxySelector.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void registryErrorBodies() {
        assertThat(RegistryErrorBody.parse("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\"}]}".getBytes()))
                .isEqualTo(new RegistryErrorBody("DENIED", "no"));
        assertThat(RegistryErrorBody.parse("<html>Bad   gateway</html>".getBytes()).message()).isEqualTo("<html>Bad gateway</html>");
        assertThat(RegistryErrorBody.parse(new byte[0])).isEqualTo(RegistryErrorBody.EMPTY);
    }
}
