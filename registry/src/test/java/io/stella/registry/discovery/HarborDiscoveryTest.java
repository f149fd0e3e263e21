package io.stella.registry.discovery;

import static io.stella.registry.discovery.VendorFixtures.alice;
import static io.stella.registry.discovery.VendorFixtures.assertBasicAsAlice;
import static io.stella.registry.discovery.VendorFixtures.assertNoAuthorization;
import static io.stella.registry.discovery.VendorFixtures.assertNoV2;
import static io.stella.registry.discovery.VendorFixtures.client;
import static io.stella.registry.discovery.VendorFixtures.ok;
import static io.stella.registry.discovery.VendorFixtures.status;
import static io.stella.registry.discovery.VendorFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.testing.CannedServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Harbor v2 API (api/v2.0/swagger.yaml: listProjects, listRepositories) against recorded answers. */
class HarborDiscoveryTest {
    private static final String PROJECTS = "/api/v2.0/projects";
    private final CannedServer harbor = CannedServer.start();

    @AfterEach
    void stop() {
        harbor.close();
    }

    private static String page(String path, int page) {
        return path + "?page=" + page + "&page_size=100";
    }

    private static String repos(String project) {
        return PROJECTS + "/" + project + "/repositories";
    }

    /** Harbor's Link header: prev and next in one value, relative paths. */
    private static String link(String prev, String next) {
        return (prev == null ? "" : "<" + prev + ">; rel=\"prev\" , ") + "<" + next + ">; rel=\"next\"";
    }

    private List<String> list(ResolvedCredential credential, VendorDiscoveryOptions options) {
        return VendorRepositoryLister.list(client(harbor, credential), RegistryType.HARBOR, options);
    }

    private void serveAllProjects() {
        harbor.on(page(PROJECTS, 1), ok("harbor/projects-page1.json")
                        .withHeader("X-Total-Count", "3").withHeader("Link", link(null, page(PROJECTS, 2))))
                .on(page(PROJECTS, 2), ok("harbor/projects-page2.json")
                        .withHeader("X-Total-Count", "3").withHeader("Link", "<" + page(PROJECTS, 1) + ">; rel=\"prev\""))
                .on(page(repos("library"), 1), ok("harbor/repositories-library-page1.json")
                        .withHeader("X-Total-Count", "3").withHeader("Link", link(null, page(repos("library"), 2))))
                .on(page(repos("library"), 2), ok("harbor/repositories-library-page2.json")
                        .withHeader("X-Total-Count", "3")
                        .withHeader("Link", "<" + page(repos("library"), 1) + ">; rel=\"prev\""))
                .on(page(repos("team"), 1), ok("harbor/repositories-team.json").withHeader("X-Total-Count", "2"))
                .on(page(repos("empty-project"), 1), ok("harbor/repositories-empty.json").withHeader("X-Total-Count", "0"));
    }

    @Test
    void listsEveryRepositoryOfEveryProjectAcrossPagesWithBasicAuth() {
        serveAllProjects();

        List<String> repositories = list(alice(), VendorDiscoveryOptions.all());

        assertThat(repositories).containsExactly("library/alpine", "library/nginx", "library/redis",
                "team/backend/api", "team/frontend");
        assertThat(targets(harbor)).containsExactly(
                page(PROJECTS, 1), page(PROJECTS, 2),
                page(repos("library"), 1), page(repos("library"), 2),
                page(repos("team"), 1),
                page(repos("empty-project"), 1));
        assertBasicAsAlice(harbor.requests());
        assertNoV2(harbor.requests());
        assertThat(harbor.requests()).filteredOn(r -> r.path().endsWith("/repositories"))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.header("X-Is-Resource-Name")).contains("true"));
        assertThat(harbor.requests()).allSatisfy(r -> assertThat(r.header("Accept")).contains("application/json"));
    }

    @Test
    void followsTotalCountWhenNoLinkHeaderCameThrough() {
        harbor.on(page(PROJECTS, 1), ok("harbor/projects-page1.json").withHeader("X-Total-Count", "3"))
                .on(page(PROJECTS, 2), ok("harbor/projects-page2.json").withHeader("X-Total-Count", "3"))
                .on(page(repos("library"), 1), ok("harbor/repositories-library-page2.json"))
                .on(page(repos("team"), 1), ok("harbor/repositories-team.json"))
                .on(page(repos("empty-project"), 1), ok("harbor/repositories-empty.json"));

        assertThat(list(alice(), VendorDiscoveryOptions.all()))
                .containsExactly("library/alpine", "team/backend/api", "team/frontend");
        assertThat(targets(harbor)).contains(page(PROJECTS, 2), page(repos("empty-project"), 1));
    }

    @Test
    void namedProjectsAreListedWithoutListingProjects() {
        serveAllProjects();

        List<String> repositories = list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("team")));

        assertThat(repositories).containsExactly("team/backend/api", "team/frontend");
        assertThat(targets(harbor)).containsExactly(page(repos("team"), 1));
    }

    @Test
    void anEmptyProjectListsNothingAndIsNoFailure() {
        harbor.on(page(repos("empty-project"), 1), ok("harbor/repositories-empty.json").withHeader("X-Total-Count", "0"));

        assertThat(list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("empty-project")))).isEmpty();
        assertThat(harbor.requests()).hasSize(1);
    }

    @Test
    void anonymousDiscoverySendsNoAuthorization() {
        serveAllProjects();

        assertThat(list(ResolvedCredential.anonymous(), VendorDiscoveryOptions.all())).hasSize(5);
        assertNoAuthorization(harbor.requests());
    }

    @Test
    void rejectedCredentialsAreCatalogDeniedWithHarborHintAndNotRetried() {
        harbor.on(page(PROJECTS, 1), status(401, "harbor/error-unauthorized.json")
                .withHeader("WWW-Authenticate", "Basic realm=\"harbor\""));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("Harbor", "rejected", "username-password", "HTTP 401");
                    assertThat(e.hint()).contains("robot", "list repository", "project");
                    assertThat(e.evidence()).containsEntry("http_status", "401")
                            .containsEntry("auth_method", "basic")
                            .containsEntry("vendor", "harbor")
                            .containsEntry("registry_error_code", "UNAUTHORIZED");
                    assertThat(e.toString() + e.evidence()).doesNotContain(VendorFixtures.PASSWORD);
                });
        assertThat(harbor.requests()).hasSize(1);
    }

    @Test
    void aProjectDeniedMidwayFailsTheWholeListingInsteadOfReturningPart() {
        serveAllProjects();
        harbor.on(page(repos("team"), 1), status(403, "harbor/error-forbidden.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("denied", "repositories of project team", "HTTP 403");
                    assertThat(e.evidence().get("url")).endsWith(page(repos("team"), 1));
                });
    }

    @Test
    void anonymousRefusalSaysNoCredentialsWereSent() {
        harbor.on(page(PROJECTS, 1), status(401, "harbor/error-unauthorized.json"));

        assertThatThrownBy(() -> list(ResolvedCredential.anonymous(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
                    assertThat(e.getMessage()).contains("requires authentication", "no credentials");
                    assertThat(e.evidence()).containsEntry("auth_method", "none");
                });
    }

    @Test
    void truncatedJsonIsAProtocolErrorSayingWhere() {
        harbor.on(page(PROJECTS, 1), ok("harbor/projects-truncated.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("the project list", "invalid JSON", "line 3");
                    assertThat(e.evidence()).containsKeys("json_error", "json_line", "json_column")
                            .containsEntry("content_type", "application/json");
                    assertThat(e.evidence().get("url")).endsWith(page(PROJECTS, 1));
                });
    }

    @Test
    void noHarborApiAtTheRootIsAClearProtocolError() {
        // nothing served: every path is a 404

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).startsWith("no Harbor API at ").contains(PROJECTS);
                    assertThat(e.hint()).contains("type: harbor");
                });
    }

    @Test
    void aNamedProjectThatIsNotThereFails() {
        harbor.on(page(repos("nope"), 1), status(404, "harbor/error-project-not-found.json"));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all().withNamespaces(List.of("nope"))))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED);
                    assertThat(e.getMessage()).contains("project 'nope' not found");
                });
    }

    @Test
    void aListedProjectDeletedBeforeItsRepositoriesWereReadIsSkipped() {
        serveAllProjects();
        harbor.on(page(repos("team"), 1), status(404, "harbor/error-project-not-found.json"));

        assertThat(list(alice(), VendorDiscoveryOptions.all()))
                .containsExactly("library/alpine", "library/nginx", "library/redis");
    }

    @Test
    void aLinkPointingBackIsAProtocolErrorNotALoop() {
        harbor.on(page(PROJECTS, 1), ok("harbor/projects-page1.json").withHeader("Link", link(null, page(PROJECTS, 1))));

        assertThatThrownBy(() -> list(alice(), VendorDiscoveryOptions.all()))
                .asInstanceOf(type(RegistryException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("leads back");
                });
        assertThat(harbor.requests()).hasSize(1);
    }
}
