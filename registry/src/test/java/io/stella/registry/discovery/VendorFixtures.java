package io.stella.registry.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.trace.Trace;
import io.stella.testing.CannedServer;
import io.stella.testing.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Recorded vendor answers (src/test/resources/vendor, see its README) and clients that talk to them. */
final class VendorFixtures {
    static final String USER = "alice";
    static final String PASSWORD = "pw-SENTINEL-vendor-7781";

    private VendorFixtures() {
    }

    /** A recorded answer, 200 with the JSON of {@code vendor/<path>}. */
    static CannedServer.Response ok(String path) {
        return CannedServer.Response.json(resource(path));
    }

    static CannedServer.Response status(int status, String path) {
        return CannedServer.Response.json(status, resource(path));
    }

    static String resource(String path) {
        try (InputStream in = VendorFixtures.class.getResourceAsStream("/vendor/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource vendor/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResolvedCredential alice() {
        return new ResolvedCredential(new Credential.UsernamePassword(USER, Secret.of(PASSWORD)),
                new CredentialOrigin("explicit", "test user " + USER));
    }

    static RegistryClient client(CannedServer server, ResolvedCredential credential) {
        return client(server.baseUrl(), credential);
    }

    static RegistryClient client(String url, ResolvedCredential credential) {
        return RegistryClient.builder(Endpoint.parse(url, false))
                .credential(credential)
                .environment(Map.of())
                .network(NetworkSettings.DEFAULT.withTimeout(Duration.ofSeconds(10))
                        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .trace(new Trace(Clock.systemUTC()))
                .build();
    }

    /** Every request carried alice's password as HTTP Basic, and none a bearer token. */
    static void assertBasicAsAlice(List<RecordedRequest> requests) {
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            String auth = r.header("Authorization").orElseThrow(() -> new AssertionError("no Authorization: " + r.target()));
            assertThat(auth).startsWith("Basic ");
            String decoded = new String(Base64.getDecoder().decode(auth.substring("Basic ".length())), StandardCharsets.UTF_8);
            assertThat(decoded).isEqualTo(USER + ":" + PASSWORD);
        });
    }

    static void assertNoAuthorization(List<RecordedRequest> requests) {
        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    }

    /** Discovery never touched the distribution API: no ping, no token service. */
    static void assertNoV2(List<RecordedRequest> requests) {
        assertThat(requests).noneSatisfy(r -> assertThat(r.path()).startsWith("/v2/"));
    }

    static List<String> targets(CannedServer server) {
        return server.requests().stream().map(RecordedRequest::target).toList();
    }
}
