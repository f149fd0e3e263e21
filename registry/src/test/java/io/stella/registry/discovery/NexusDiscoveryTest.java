package io.stella.registry.discovery;

import static io.stella.registry.discovery.VendorFixtures.alice;
import static io.stella.registry.discovery.VendorFixtures.assertBasicAsAlice;
import static io.stella.registry.discovery.VendorFixtures.assertNoV2;
import static io.stella.registry.discovery.VendorFixtures.client;
import static io.stella.registry.discovery.VendorFixtures.ok;
import static io.stella.registry.discovery.VendorFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.CannedServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Nexus 3 REST API (Repositories API, Components API with continuationToken) against recorded answers. */
class NexusDiscoveryTest {
    private static final String REPOSITORIES = "/service/rest/v1/repositories";
    private static final String TOKEN = "35303a6235633862633138616131326331613030356462356238646334346566";
    private final CannedServer nexus = CannedServer.start();

    @AfterEach
    void stop() {
        nexus.close();
    }

    private static String components(String repository) {
        return "/service/rest/v1/components?repository=" + repository;
    }

    private List<String> list(ResolvedCredential credential, VendorDiscoveryOptions options) {
        return VendorRepositoryLister.list(client(nexus, credential), RegistryType.NEXUS, options);
    }

    private void serveAll(String prefix) {
        nexus.on(prefix + REPOSITORIES, ok("nexus/repositories.json"))
                .on(prefix + components("docker-hosted"), ok("nexus/components-docker-hosted-page1.json"))
                .on(prefix + components("docker-hosted") + "&continuationToken=" + TOKEN,
                        ok("nexus/components-docker-hosted-page2.json"))
                .on(prefix + components("docker-proxy"), ok("nexus/components-docker-proxy.json"))
                .on(prefix + components("docker-group"), ok("nexus/components-docker-proxy.json"))
                .on(prefix + components("docker-empty"), ok("nexus/components-empty.json"));
    }

    @Test
    void listsDistinctComponentNamesOfDockerRepositoriesButGroupsAcrossPages() {
        serveAll("");

        List<String> images = list(alice(), VendorDiscoveryOptions.all());

        assertThat(images).containsExactly("library/nginx", "team/app", "team/db", "team/worker");
        assertThat(targets(nexus)).containsExactly(REPOSITORIES,
                components("docker-hosted"), components("docker-hosted") + "&continuationToken=" + TOKEN,
                components("docker-proxy"), components("docker-empty"));
        assertBasicAsAlice(nexus.requests());
        assertNoV2(nexus.requests());
    }

    @Test
    void anApiUrlWithAContextPathIsWhereTheRestApiIsAsked() {
        serveAll("/nexus");

        List<String> images = list(alice(), VendorDiscoveryOptions.all()
                .withApiUrl(URI.create(nexus.baseUrl() + "/nexus"))
                .withNamespaces(List.of("docker-proxy")));

        assertThat(images).containsExactly("library/nginx");
        assertThat(targets(nexus)).containsExactly("/nexus" + REPOSITORIES, "/nexus" + components("docker-proxy"));
    }

    @Test
    void aNamedGroupIsListedWhileDiscoverySkipsIt() {
        serveAll("");

        assertThat(list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("docker-group"))))
                .containsExactly("library/nginx");
        assertThat(targets(nexus)).containsExactly(REPOSITORIES, components("docker-group"));
    }

    @Test
    void anEmptyRepositoryListsNothing() {
        serveAll("");

        assertThat(list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("docker-empty")))).isEmpty();
    }

    @Test
    void aNamedRepositoryThatIsNotADockerRepositoryFailsNamingTheDockerOnes() {
        serveAll("");

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("maven-releases"))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED);
                    assertThat(e.getMessage()).contains("repository 'maven-releases' not found",
                            "docker-hosted, docker-proxy, docker-group, docker-empty");
                });
        assertThat(targets(nexus)).containsExactly(REPOSITORIES);
    }

    @Test
    void unauthorizedIsCatalogDeniedWithNexusPrivileges() {
        nexus.on(REPOSITORIES, new CannedServer.Response(401,
                Map.of("WWW-Authenticate", "BASIC realm=\"Sonatype Nexus Repository Manager\""), new byte[0]));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("Nexus", "rejected", "the repository list");
                    assertThat(e.hint()).contains("nx-repository-view-docker");
                });
        assertThat(nexus.requests()).hasSize(1);
    }

    @Test
    void aForbiddenRepositoryFailsTheListing() {
        serveAll("");
        nexus.on(components("docker-proxy"), new CannedServer.Response(403, Map.of(), new byte[0]));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("denied the components of repository docker-proxy");
                });
    }

    @Test
    void malformedComponentsAreAProtocolError() {
        serveAll("");
        nexus.on(components("docker-hosted"), ok("nexus/components-malformed.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("components of repository docker-hosted", "invalid JSON",
                            "line 1, column");
                });
    }

    @Test
    void aDockerConnectorPortWithoutTheRestApiSaysWhereTheApiIs() {
        // a docker connector serves /v2/ only: the REST path is a 404
        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).startsWith("no Nexus API at ");
                    assertThat(e.hint()).contains("type: nexus", "connector port", "vendor API URL");
                });
    }
}
