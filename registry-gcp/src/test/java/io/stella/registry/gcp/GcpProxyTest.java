package io.stella.registry.gcp;

import static io.stella.registry.gcp.GcpFixtures.SA_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Google's APIs are reached through the context's HTTPS_PROXY, and directly for NO_PROXY hosts. */
class GcpProxyTest {
    static final String HOST = "europe-west1-docker.pkg.dev";
    static final String OAUTH = "oauth2.googleapis.test";
    static final String AR = "artifactregistry.googleapis.test";
    static GoogleApisStandIn google;
    static TunnelProxy proxy;
    @TempDir
    Path dir;
    final GcpCredentialProvider provider = GcpFixtures.failFastProvider();

    @BeforeAll
    static void start() throws Exception {
        google = GoogleApisStandIn.start(GcpFixtures.CA, List.of("127.0.0.1", OAUTH, AR));
        google.registerKey(SA_EMAIL, GcpFixtures.KEY.getPublic());
        google.page("/v1/projects/demo-project/locations/europe-west1/repositories", "", "{}");
        proxy = new TunnelProxy(google.port());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        google.close();
    }

    private ProviderContext context(Map<String, String> extraEnv) {
        Path key = GcpFixtures.serviceAccountKey(dir, GcpFixtures.KEY, "https://" + OAUTH + ":" + google.port() + "/token");
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("GOOGLE_APPLICATION_CREDENTIALS", key.toString());
        env.put("STELLA_GCP_ARTIFACTREGISTRY_ENDPOINT", "https://" + AR + ":" + google.port());
        return GcpFixtures.context(GcpFixtures.gar(HOST, Map.of()), env, dir, Clock.systemUTC());
    }

    @Test
    void tokenAndArtifactRegistryRequestsTunnelThroughTheProxy() {
        ProviderContext context = context(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()));
        ResolvedCredential credential = provider.fetch(context, HOST);
        assertThat(credential.expiresAt()).isPresent();
        assertThat(provider.repositories(context)).isEmpty();
        assertThat(proxy.connects()).contains(OAUTH + ":" + google.port(), AR + ":" + google.port());
    }

    @Test
    void noProxyHostsAreReachedDirectly() {
        int tunnels = proxy.connects().size();
        ProviderContext context = context(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port(),
                "NO_PROXY", ".googleapis.test"));
        assertThatThrownBy(() -> provider.fetch(context, HOST)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).as("directly, the test host name does not resolve").isEqualTo(FailureCode.NETWORK_DNS);
            assertThat(e.hint()).contains("HTTPS_PROXY");
        });
        assertThat(proxy.connects()).hasSize(tunnels);
    }
}
