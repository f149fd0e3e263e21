package io.stella.registry.discovery;

import static io.stella.registry.discovery.VendorFixtures.alice;
import static io.stella.registry.discovery.VendorFixtures.client;
import static io.stella.registry.discovery.VendorFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.CannedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What all vendors share: the entry point, options, and the session's transport machinery. */
class VendorDiscoveryTest {

    @Test
    void supportsExactlyTheFourVendorApis() {
        assertThat(Arrays.stream(RegistryType.values()).filter(VendorRepositoryLister::supports))
                .containsExactlyInAnyOrder(RegistryType.HARBOR, RegistryType.QUAY, RegistryType.NEXUS,
                        RegistryType.ARTIFACTORY);
        assertThatThrownBy(() -> VendorRepositoryLister.list(client("http://127.0.0.1:9", alice()), RegistryType.GENERIC,
                VendorDiscoveryOptions.all()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generic");
    }

    @Test
    void optionsNormaliseNamespacesAndTheApiUrl() {
        VendorDiscoveryOptions options = VendorDiscoveryOptions.all()
                .withNamespaces(List.of("team", " team ", "library"))
                .withApiUrl(URI.create("https://nexus.example.com/nexus"));
        assertThat(options.namespaces()).containsExactly("team", "library");
        assertThat(options.apiUrl()).contains(URI.create("https://nexus.example.com/nexus/"));
        assertThatThrownBy(() -> options.withNamespaces(List.of("team/app"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withNamespaces(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withApiUrl(URI.create("nexus.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withApiUrl(URI.create("https://admin:pw@nexus.example.com/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
    }

    @Test
    void plainHttpToARemoteApiIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> VendorRepositoryLister.list(client("https://harbor.example.invalid", alice()),
                RegistryType.NEXUS, VendorDiscoveryOptions.all().withApiUrl(URI.create("http://nexus.example.invalid/"))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.INSECURE_NOT_ALLOWED);
                    assertThat(e.getMessage()).contains("nexus.example.invalid");
                });
    }

    @Test
    void serverErrorsAreRetriedByTheTransportThenRegistryUnavailable() {
        try (CannedServer harbor = CannedServer.start()) {
            harbor.on("/api/v2.0/projects", CannedServer.Response.json(503, "{\"errors\":[]}"));

            assertThatThrownBy(() -> VendorRepositoryLister.list(client(harbor, alice()), RegistryType.HARBOR,
                    VendorDiscoveryOptions.all()))
                    .asInstanceOf(type(RegistryException.class))
                    .extracting(RegistryException::code).isEqualTo(FailureCode.REGISTRY_UNAVAILABLE);
            assertThat(harbor.requests()).hasSize(4);
        }
    }

    @Test
    void aRefusedConnectionIsClassifiedAsSuch() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertThatThrownBy(() -> VendorRepositoryLister.list(client(url, alice()), RegistryType.ARTIFACTORY,
                VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .extracting(RegistryException::code).isEqualTo(FailureCode.NETWORK_CONNECTION_REFUSED);
    }

    @Test
    void sameOriginRedirectsKeepBasicAuthAndOtherOriginsGetNone() {
        try (CannedServer harbor = CannedServer.start(); CannedServer elsewhere = CannedServer.start()) {
            harbor.on("/api/v2.0/projects", new CannedServer.Response(301,
                            Map.of("Location", "/moved/projects?page=1&page_size=100"), new byte[0]))
                    .on("/moved/projects", new CannedServer.Response(302,
                            Map.of("Location", elsewhere.baseUrl() + "/projects"), new byte[0]));
            elsewhere.on("/projects", CannedServer.Response.json("[]"));

            assertThat(VendorRepositoryLister.list(client(harbor, alice()), RegistryType.HARBOR,
                    VendorDiscoveryOptions.all())).isEmpty();

            VendorFixtures.assertBasicAsAlice(harbor.requests());
            assertThat(harbor.requests()).extracting(r -> r.target())
                    .containsExactly("/api/v2.0/projects?page=1&page_size=100", "/moved/projects?page=1&page_size=100");
            VendorFixtures.assertNoAuthorization(elsewhere.requests());
        }
    }

    @Test
    void aRegistryGivenWithoutSchemeIsPingedOnceForItsSchemeAndTheApiUsesIt() {
        try (CannedServer harbor = CannedServer.start()) {
            harbor.on("/v2/", CannedServer.Response.json("{}"))
                    .on("/api/v2.0/projects", CannedServer.Response.json("[]"));

            // a loopback registry may be plain HTTP: HTTPS is tried first, as for the distribution API
            assertThat(VendorRepositoryLister.list(client(harbor.host(), alice()), RegistryType.HARBOR,
                    VendorDiscoveryOptions.all())).isEmpty();

            assertThat(harbor.requests()).extracting(r -> r.target())
                    .containsExactly("/v2/", "/api/v2.0/projects?page=1&page_size=100");
            assertThat(harbor.requests().getFirst().header("Authorization")).isEmpty();
            VendorFixtures.assertBasicAsAlice(harbor.requests().subList(1, 2));
        }
    }

    @Test
    void theRecordedFixturesAreWhatTheirReadmeSays() {
        // guards the fixtures the vendor tests rely on against being emptied by an edit
        assertThat(VendorFixtures.resource("README.md")).contains("harbor/", "quay/", "nexus/", "artifactory/");
        assertThat(ok("nexus/repositories.json").body()).isNotEmpty();
    }
}
