package io.stella.registry.discovery;

import static io.stella.registry.discovery.VendorFixtures.alice;
import static io.stella.registry.discovery.VendorFixtures.assertBasicAsAlice;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Artifactory REST API ("Get Repositories", "List Docker Repositories") against recorded answers; images are
 * named {repoKey}/{name} as the repository path method references them.
 */
class ArtifactoryDiscoveryTest {
    private static final String REPOSITORIES = "/artifactory/api/repositories?packageType=docker";
    private final CannedServer artifactory = CannedServer.start();

    @AfterEach
    void stop() {
        artifactory.close();
    }

    private static String catalog(String key) {
        return "/artifactory/api/docker/" + key + "/v2/_catalog";
    }

    private List<String> list(ResolvedCredential credential, VendorDiscoveryOptions options) {
        return VendorRepositoryLister.list(client(artifactory, credential), RegistryType.ARTIFACTORY, options);
    }

    private void serveAll() {
        artifactory.on(REPOSITORIES, ok("artifactory/repositories.json"))
                // the next page as the docker API writes it: the registry's own /v2/_catalog path
                .on(catalog("docker-local"), ok("artifactory/catalog-docker-local-page1.json")
                        .withHeader("Link", "</v2/_catalog?last=team%2Fdb&n=2>; rel=\"next\""))
                .on(catalog("docker-local") + "?last=team%2Fdb&n=2", ok("artifactory/catalog-docker-local-page2.json"))
                .on(catalog("docker-remote"), ok("artifactory/catalog-docker-remote.json"))
                .on(catalog("docker"), ok("artifactory/catalog-docker-remote.json"))
                .on(catalog("docker-empty"), ok("artifactory/catalog-empty.json"));
    }

    @Test
    void listsEachNonVirtualRepositorysCatalogPrefixedWithItsKeyFollowingLinks() {
        serveAll();

        List<String> images = list(alice(), VendorDiscoveryOptions.all());

        assertThat(images).containsExactly("docker-local/team/app", "docker-local/team/db", "docker-local/team/worker",
                "docker-remote/library/nginx");
        assertThat(targets(artifactory)).containsExactly(REPOSITORIES,
                catalog("docker-local"), catalog("docker-local") + "?last=team%2Fdb&n=2",
                catalog("docker-remote"), catalog("docker-empty"));
        assertBasicAsAlice(artifactory.requests());
        assertNoV2(artifactory.requests());
    }

    @Test
    void anAccessTokenGoesAsBearerInsteadOfTheRegistryPassword() {
        serveAll();

        list(alice(), VendorDiscoveryOptions.all().withApiToken(Secret.of("atk-SENTINEL")).withNamespaces(List.of("docker")));

        assertThat(targets(artifactory)).containsExactly(REPOSITORIES, catalog("docker"));
        assertThat(artifactory.requests()).allSatisfy(r ->
                assertThat(r.header("Authorization")).contains("Bearer atk-SENTINEL"));
    }

    @Test
    void anEmptyRepositoryListsNothing() {
        serveAll();

        assertThat(list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("docker-empty")))).isEmpty();
    }

    @Test
    void badCredentialsAreCatalogDeniedWithArtifactoryHint() {
        artifactory.on(REPOSITORIES, status(401, "artifactory/error-unauthorized.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("Artifactory", "rejected", "HTTP 401");
                    assertThat(e.hint()).contains("Read permission");
                    assertThat(e.evidence()).containsEntry("registry_error_message", "Bad credentials");
                });
    }

    @Test
    void aForbiddenCatalogFailsTheListing() {
        serveAll();
        artifactory.on(catalog("docker-remote"), status(403, "artifactory/error-forbidden.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("denied the catalog of repository docker-remote", "HTTP 403");
                });
    }

    @Test
    void aLoginPageInsteadOfJsonIsAProtocolError() {
        artifactory.on(REPOSITORIES, new CannedServer.Response(200, Map.of("Content-Type", "text/html"),
                VendorFixtures.resource("artifactory/login-page.html").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("the repository list", "invalid JSON", "line 1, column 1");
                    assertThat(e.evidence()).containsEntry("content_type", "text/html");
                    assertThat(e.hint()).contains("login page");
                });
    }

    @Test
    void noArtifactoryApiSaysToCheckTheType() {
        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).startsWith("no Artifactory API at ").contains("/artifactory/api/repositories");
                    assertThat(e.hint()).contains("type: artifactory");
                });
    }
}
