package io.stella.registry.discovery;

import static io.stella.registry.discovery.VendorFixtures.alice;
import static io.stella.registry.discovery.VendorFixtures.assertNoAuthorization;
import static io.stella.registry.discovery.VendorFixtures.assertNoV2;
import static io.stella.registry.discovery.VendorFixtures.client;
import static io.stella.registry.discovery.VendorFixtures.ok;
import static io.stella.registry.discovery.VendorFixtures.status;
import static io.stella.registry.discovery.VendorFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.stella.registry.Secret;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.CannedServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Quay API (docs.quay.io/api/swagger: getLoggedInUser, listRepos with next_page) against recorded answers.
 * Quay's API authenticates OAuth access tokens only (quay/quay auth/decorators.py: process_oauth), so the
 * token goes as Bearer and a registry username/password is refused rather than silently going anonymous.
 */
class QuayDiscoveryTest {
    private static final String TOKEN = "oauth-SENTINEL-quay-5521";
    private static final String NEXT_PAGE = "gAAAAABmX2k1Qz9v-yT_b3J0ZXN0LXBhZ2UtdG9rZW4==";
    private final CannedServer quay = CannedServer.start();

    @AfterEach
    void stop() {
        quay.close();
    }

    private static String repos(String namespace) {
        return "/api/v1/repository?namespace=" + namespace;
    }

    private List<String> list(ResolvedCredential credential, VendorDiscoveryOptions options) {
        return VendorRepositoryLister.list(client(quay, credential), RegistryType.QUAY, options);
    }

    private void serveAll() {
        quay.on("/api/v1/user/", ok("quay/user.json"))
                .on(repos("alice"), ok("quay/repositories-alice.json"))
                .on(repos("acme"), ok("quay/repositories-acme-page1.json"))
                .on(repos("acme") + "&next_page=" + URLEncoder.encode(NEXT_PAGE, StandardCharsets.UTF_8),
                        ok("quay/repositories-acme-page2.json"))
                .on(repos("empty-org"), ok("quay/repositories-empty.json"));
    }

    @Test
    void listsTheUsersAndOrganizationsNamespacesFollowingNextPageWithTheApiToken() {
        serveAll();

        List<String> repositories = list(alice(), VendorDiscoveryOptions.all().withApiToken(Secret.of(TOKEN)));

        assertThat(repositories).containsExactly("acme/api", "acme/web", "acme/worker", "alice/sandbox");
        assertThat(targets(quay)).containsExactly("/api/v1/user/", repos("alice"), repos("acme"),
                repos("acme") + "&next_page=gAAAAABmX2k1Qz9v-yT_b3J0ZXN0LXBhZ2UtdG9rZW4%3D%3D", repos("empty-org"));
        assertThat(quay.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
        assertNoV2(quay.requests());
    }

    @Test
    void namedNamespacesAreListedAnonymouslyForTheirPublicRepositories() {
        serveAll();

        List<String> repositories = list(ResolvedCredential.anonymous(),
                VendorDiscoveryOptions.all().withNamespaces(List.of("acme", "empty-org")));

        assertThat(repositories).containsExactly("acme/api", "acme/web", "acme/worker");
        assertThat(targets(quay)).doesNotContain("/api/v1/user/").hasSize(3);
        assertNoAuthorization(quay.requests());
    }

    @Test
    void anEmptyNamespaceListsNothing() {
        serveAll();

        assertThat(list(alice(), VendorDiscoveryOptions.all().withApiToken(Secret.of(TOKEN))
                .withNamespaces(List.of("empty-org")))).isEmpty();
        assertThat(targets(quay)).containsExactly(repos("empty-org"));
    }

    @Test
    void aUsernameAndPasswordAreRefusedBeforeAnyRequestAsQuayWouldIgnoreThem() {
        serveAll();

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("acme"))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("OAuth access tokens only", "public repositories only");
                    assertThat(e.hint()).contains("Generate Token", "View all visible repositories");
                    assertThat(e.evidence()).containsEntry("auth_method", "basic");
                });
        assertThat(quay.requests()).isEmpty();
    }

    @Test
    void anonymousDiscoveryWithoutNamespacesIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> list(ResolvedCredential.anonymous(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("name the namespaces");
                });
        assertThat(quay.requests()).isEmpty();
    }

    @Test
    void anInvalidTokenIsCatalogDeniedWithQuayHint() {
        quay.on("/api/v1/user/", status(401, "quay/error-invalid-token.json"));

        assertThatThrownBy(() -> list(ResolvedCredential.anonymous(), VendorDiscoveryOptions.all()
                .withApiToken(Secret.of(TOKEN))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("rejected the vendor API token", "HTTP 401");
                    assertThat(e.hint()).contains("OAuth access tokens");
                    assertThat(e.evidence()).containsEntry("auth_method", "api-token");
                    assertThat(e.evidence().get("registry_error_message")).contains("invalid_token");
                    assertThat(e.toString() + e.evidence()).doesNotContain(TOKEN);
                });
    }

    @Test
    void aTokenWithoutTheRepositoryScopeIsCatalogDenied() {
        serveAll();
        quay.on(repos("acme"), status(403, "quay/error-insufficient-scope.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all().withApiToken(Secret.of(TOKEN))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("denied the repositories of namespace acme", "HTTP 403");
                });
    }

    @Test
    void truncatedJsonIsAProtocolError() {
        quay.on(repos("acme"), ok("quay/repositories-truncated.json"));

        assertThatThrownBy(() -> list(ResolvedCredential.anonymous(),
                VendorDiscoveryOptions.all().withNamespaces(List.of("acme"))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("Quay answered the repositories of namespace acme with invalid JSON");
                });
    }

    @Test
    void aPageWithoutItsRepositoriesListIsAProtocolErrorNotAnEmptyNamespace() {
        quay.on(repos("acme"), CannedServer.Response.json("{\"next_page\": null}"));

        assertThatThrownBy(() -> list(ResolvedCredential.anonymous(),
                VendorDiscoveryOptions.all().withNamespaces(List.of("acme"))))
                .asInstanceOf(type(RegistryException.class))
                .extracting(RegistryException::code).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
    }

    @Test
    void aRepeatedNextPageTokenIsAProtocolErrorNotALoop() {
        quay.on(repos("acme"), ok("quay/repositories-acme-page1.json"))
                .on(repos("acme") + "&next_page=" + URLEncoder.encode(NEXT_PAGE, StandardCharsets.UTF_8),
                        ok("quay/repositories-acme-page1.json"));

        assertThatThrownBy(() -> list(ResolvedCredential.anonymous(),
                VendorDiscoveryOptions.all().withNamespaces(List.of("acme"))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> assertThat(e.getMessage()).contains("repeated a next_page token"));
        assertThat(quay.requests()).hasSize(2);
    }
}
