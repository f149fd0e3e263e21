package io.stella.registry.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metadata server's attached service account, the last resort when nothing is configured. */
class GcpMetadataServerTest {
    static final String HOST = "us-docker.pkg.dev";
    static final String VM_ACCOUNT = "123456789-compute@developer.gserviceaccount.com";
    static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    @TempDir
    Path home;
    HttpServer metadata;
    final List<String> seen = new CopyOnWriteArrayList<>();
    volatile boolean hasServiceAccount = true;
    final GcpCredentialProvider provider = GcpFixtures.failFastProvider();

    @BeforeEach
    void start() throws IOException {
        metadata = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metadata.createContext("/", exchange -> {
            try (exchange) {
                String target = exchange.getRequestURI().toString();
                seen.add(exchange.getRequestMethod() + " " + target + " flavor="
                        + exchange.getRequestHeaders().getFirst("Metadata-Flavor"));
                String base = "/computeMetadata/v1/instance/service-accounts/default/";
                String body;
                String type;
                if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                if (!hasServiceAccount && target.startsWith(base + "token")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (target.equals(base + "email")) {
                    body = VM_ACCOUNT;
                    type = "application/text";
                } else if (target.startsWith(base + "token?")) {
                    body = "{\"access_token\":\"ya29.c.metadata-1\",\"expires_in\":3599,\"token_type\":\"Bearer\"}";
                    type = "application/json";
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        metadata.start();
    }

    @AfterEach
    void stop() {
        metadata.stop(0);
    }

    private ProviderContext context(Map<String, String> env) {
        return new ProviderContext(GcpFixtures.gar(HOST, Map.of()), env, home, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Map<String, String> onGoogleCloud() {
        return Map.of("GCE_METADATA_HOST", "127.0.0.1:" + metadata.getAddress().getPort());
    }

    @Test
    void theAttachedServiceAccountsTokenIsUsedWhenNothingElseIsConfigured() {
        ProviderContext context = context(onGoogleCloud());
        assertThat(provider.answers(context, HOST)).isTrue();
        ResolvedCredential credential = provider.fetch(context, HOST);

        assertThat(credential.credential()).isInstanceOfSatisfying(Credential.UsernamePassword.class, up -> {
            assertThat(up.username()).isEqualTo("oauth2accesstoken");
            assertThat(up.password().reveal()).isEqualTo("ya29.c.metadata-1");
        });
        assertThat(credential.expiresAt()).hasValue(NOW.plusSeconds(3599));
        assertThat(credential.origin().detail()).contains(VM_ACCOUNT, "metadata server");
        assertThat(seen).contains("GET /computeMetadata/v1/instance/service-accounts/default/token?scopes="
                + "https://www.googleapis.com/auth/cloud-platform flavor=Google");
        assertThat(seen).allMatch(s -> s.endsWith("flavor=Google"));
    }

    @Test
    void noGceCheckKeepsTheMetadataServerOutOfIt() {
        Map<String, String> env = new java.util.HashMap<>(onGoogleCloud());
        env.put("NO_GCE_CHECK", "true");
        ProviderContext context = context(env);
        assertThat(provider.answers(context, HOST)).isFalse();
        assertThatThrownBy(() -> provider.identity(context)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
            assertThat(e.evidence().get("metadata_server")).contains("NO_GCE_CHECK=true");
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void aWorkloadWithoutServiceAccountIsNoCredentials() {
        hasServiceAccount = false;
        assertThatThrownBy(() -> provider.fetch(context(onGoogleCloud()), HOST))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
                    assertThat(e.hint()).contains("Attach a service account", "Workload Identity");
                });
    }

    @Test
    void noMetadataServerMeansNoIdentity() {
        int port = metadata.getAddress().getPort();
        metadata.stop(0);
        ProviderContext context = context(Map.of("GCE_METADATA_HOST", "127.0.0.1:" + port));
        assertThat(provider.answers(context, HOST)).isFalse();
    }
}
