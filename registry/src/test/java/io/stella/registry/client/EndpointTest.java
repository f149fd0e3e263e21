package io.stella.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void httpsFirstThenHttpOnlyForLoopbackOrInsecure() {
        assertThat(Endpoint.parse("127.0.0.1:5000", false).schemes()).containsExactly("https", "http");
        assertThat(Endpoint.parse("registry.example.com", false).schemes()).containsExactly("https");
        assertThat(Endpoint.parse("registry.example.com", true).schemes()).containsExactly("https", "http");
        assertThat(Endpoint.parse("https://127.0.0.1:5000/", false).schemes()).containsExactly("https");
    }

    @Test
    void explicitHttpToRemoteHostIsRefused() {
        assertThatThrownBy(() -> Endpoint.parse("http://registry.example.com", false).schemes())
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.INSECURE_NOT_ALLOWED));
        assertThat(Endpoint.parse("http://localhost:5000", false).schemes()).isEqualTo(List.of("http"));
    }

    @Test
    void dockerHubAliases() {
        Endpoint e = Endpoint.parse("https://index.docker.io/v1/", false);
        assertThat(e.registry()).isEqualTo("docker.io");
        assertThat(e.apiHost()).isEqualTo("registry-1.docker.io");
    }

    @Test
    void sameOriginComparesSchemeHostAndPort() {
        assertThat(RegistrySession.sameOrigin(URI.create("https://a:443/x"), URI.create("https://a/y"))).isTrue();
        assertThat(RegistrySession.sameOrigin(URI.create("https://a:5000/x"), URI.create("https://a:5001/y"))).isFalse();
        assertThat(RegistrySession.sameOrigin(URI.create("http://a/x"), URI.create("https://a/y"))).isFalse();
        assertThat(RegistrySession.sameOrigin(URI.create("https://b/x"), URI.create("https://a/y"))).isFalse();
    }

    @Test
    void linkHeaderNextPage() {
        var headers = java.net.http.HttpHeaders.of(java.util.Map.of("Link",
                List.of("</v2/_catalog?last=b&n=2>; rel=\"next\"")), (a, b) -> true);
        assertThat(LinkPagination.next(headers)).contains("/v2/_catalog?last=b&n=2");
        assertThat(LinkPagination.next(java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true))).isEmpty();
    }
}
