package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.testing.FaultProxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Docker Hub's pull rate limit as the operator sees it: a proxy in front of the real registry adds Docker Hub's
 * documented {@code ratelimit-*} headers to manifest answers, and {@code registry test} and {@code scan image
 * --dry-run} report what is left.
 */
class RateLimitReportingIntegrationTest extends CliIntegrationTestBase {

    private static FaultProxy dockerHubLike() {
        FaultProxy proxy = FaultProxy.start(r.anonymous);
        proxy.addResponseHeaders(request -> request.target().contains("/manifests/"), request -> Map.of(
                "ratelimit-limit", "100;w=21600", "ratelimit-remaining", "76;w=21600",
                "docker-ratelimit-source", "203.0.113.7"));
        return proxy;
    }

    @Test
    void registryTestShowsWhatIsLeftOfTheLimit() {
        try (FaultProxy proxy = dockerHubLike()) {
            CliResult result = Cli.in(dir).run("registry", "test", proxy.baseUrl(), "--repository", "library/alpine");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).containsPattern(
                    "rate limit +OK +76 of 100 left per 21600 s \\(6 h\\), counted against 203\\.0\\.113\\.7");
        }
    }

    @Test
    void dryRunShowsTheLimitInTableAndJson() {
        try (FaultProxy proxy = dockerHubLike()) {
            String image = proxy.host() + "/" + Registries.ALPINE;
            CliResult text = Cli.in(dir).run("scan", "image", image, "--dry-run");
            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("Rate limit:        76 of 100 left per 21600 s (6 h)");

            CliResult json = Cli.in(dir).run("scan", "image", image, "--dry-run", "--format", "json");
            assertThat(json.json().path("rate_limit").path("remaining").asInt()).isEqualTo(76);
            assertThat(json.json().path("rate_limit").path("window_seconds").asLong()).isEqualTo(21600);
            assertThat(json.json().path("rate_limit").path("source").asText()).isEqualTo("203.0.113.7");
        }
    }
}
