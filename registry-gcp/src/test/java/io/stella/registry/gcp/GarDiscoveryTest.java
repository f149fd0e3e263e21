package io.stella.registry.gcp;

import static io.stella.registry.gcp.GcpFixtures.KEY_ID;
import static io.stella.registry.gcp.GcpFixtures.SA_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.IdentityReport.Check;
import io.stella.registry.auth.provider.IdentityReport.Fact;
import io.stella.registry.auth.provider.IdentityReport.Status;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository discovery, iam-status and iam verify through the Artifact Registry REST API stand-in. */
class GarDiscoveryTest {
    static final String HOST = "europe-west1-docker.pkg.dev";
    static final String PARENT = "projects/demo-project/locations/europe-west1";
    static final String REPOS = "/v1/" + PARENT + "/repositories";
    static final String APPS = PARENT + "/repositories/apps";
    static final String BASE = PARENT + "/repositories/base";
    static final String DIGEST_1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    static final String DIGEST_2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    static final String DIGEST_3 = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    static final String DIGEST_4 = "sha256:4444444444444444444444444444444444444444444444444444444444444444";
    static GoogleApisStandIn google;
    static KeyPair key;
    @TempDir
    Path dir;
    Path keyFile;
    final GcpCredentialProvider provider = GcpFixtures.failFastProvider();

    @BeforeAll
    static void start() {
        google = GoogleApisStandIn.start(GcpFixtures.CA);
        key = GcpFixtures.KEY;
        google.registerKey(SA_EMAIL, key.getPublic());
        google.page(REPOS, "", """
                {
                  "repositories": [
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/apps",
                      "format": "DOCKER",
                      "description": "application images",
                      "labels": {"team": "web"},
                      "createTime": "2024-03-01T10:00:00.123456Z",
                      "updateTime": "2024-05-02T08:15:31.5Z",
                      "mode": "STANDARD_REPOSITORY",
                      "sizeBytes": "52428800",
                      "satisfiesPzi": true
                    },
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/maven-libs",
                      "format": "MAVEN",
                      "createTime": "2024-03-01T10:00:00Z",
                      "updateTime": "2024-03-01T10:00:00Z",
                      "mode": "STANDARD_REPOSITORY"
                    }
                  ],
                  "nextPageToken": "CgRiYXNl"
                }
                """);
        google.page(REPOS, "CgRiYXNl", """
                {
                  "repositories": [
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/base",
                      "format": "DOCKER",
                      "createTime": "2023-11-20T09:00:00Z",
                      "updateTime": "2024-01-10T12:00:00Z",
                      "mode": "STANDARD_REPOSITORY"
                    }
                  ]
                }
                """);
        google.page("/v1/" + APPS + "/dockerImages", "", """
                {
                  "dockerImages": [
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/apps/dockerImages/web%%2Ffrontend@%s",
                      "uri": "europe-west1-docker.pkg.dev/demo-project/apps/web/frontend@%s",
                      "tags": ["1.0"],
                      "imageSizeBytes": "2817254",
                      "uploadTime": "2024-05-01T08:15:30.123456Z",
                      "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                      "buildTime": "2024-05-01T08:14:00Z",
                      "updateTime": "2024-05-01T08:15:31Z"
                    }
                  ],
                  "nextPageToken": "Cg5mcm9udGVuZEAy"
                }
                """.formatted(DIGEST_1, DIGEST_1));
        google.page("/v1/" + APPS + "/dockerImages", "Cg5mcm9udGVuZEAy", """
                {
                  "dockerImages": [
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/apps/dockerImages/web%%2Ffrontend@%s",
                      "uri": "europe-west1-docker.pkg.dev/demo-project/apps/web/frontend@%s",
                      "tags": ["1.1", "latest"],
                      "imageSizeBytes": "2817300",
                      "uploadTime": "2024-05-02T08:15:30Z",
                      "mediaType": "application/vnd.oci.image.index.v1+json",
                      "updateTime": "2024-05-02T08:15:31Z"
                    },
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/apps/dockerImages/api@%s",
                      "uri": "europe-west1-docker.pkg.dev/demo-project/apps/api@%s",
                      "imageSizeBytes": "1024",
                      "uploadTime": "2024-04-01T00:00:00Z",
                      "mediaType": "application/vnd.oci.image.manifest.v1+json",
                      "updateTime": "2024-04-01T00:00:00Z"
                    }
                  ]
                }
                """.formatted(DIGEST_2, DIGEST_2, DIGEST_3, DIGEST_3));
        google.page("/v1/" + BASE + "/dockerImages", "", """
                {
                  "dockerImages": [
                    {
                      "name": "projects/demo-project/locations/europe-west1/repositories/base/dockerImages/debian@%s",
                      "uri": "europe-west1-docker.pkg.dev/demo-project/base/debian@%s",
                      "tags": ["12"],
                      "imageSizeBytes": "49283712",
                      "uploadTime": "2024-01-10T12:00:00+01:00",
                      "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                      "updateTime": "2024-01-10T12:00:00Z"
                    }
                  ]
                }
                """.formatted(DIGEST_4, DIGEST_4));
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void keyFile() {
        keyFile = GcpFixtures.serviceAccountKey(dir, key, google.tokenUri());
        google.clearFailures();
    }

    private ProviderContext context(String url, RegistryType type, Map<String, Object> cloud, List<String> repositories) {
        RegistryConfig registry = GcpFixtures.registry(url, type, cloud, repositories);
        return GcpFixtures.context(registry, Map.of("STELLA_GCP_ARTIFACTREGISTRY_ENDPOINT", google.baseUrl(),
                "GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString()), dir.resolve("home"), Clock.systemUTC());
    }

    private ProviderContext gar() {
        return context(HOST, RegistryType.GAR, Map.of(), null);
    }

    @Test
    void dockerImagesOfEveryDockerRepositoryAcrossPagesWithTheirTagsUploadTimes() {
        google.clearFailures();
        int before = google.requests().size();
        List<ProvidedRepository> found = provider.repositories(gar());

        assertThat(found).containsExactly(
                new ProvidedRepository(HOST, "demo-project/apps/api", Map.of()),
                new ProvidedRepository(HOST, "demo-project/apps/web/frontend", Map.of(
                        "1.0", Instant.parse("2024-05-01T08:15:30.123456Z"),
                        "1.1", Instant.parse("2024-05-02T08:15:30Z"),
                        "latest", Instant.parse("2024-05-02T08:15:30Z"))),
                new ProvidedRepository(HOST, "demo-project/base/debian", Map.of(
                        "12", Instant.parse("2024-01-10T11:00:00Z"))));

        List<GoogleApisStandIn.Seen> api = google.requests().subList(before, google.requests().size()).stream()
                .filter(r -> r.path().startsWith("/v1/projects/")).toList();
        assertThat(api).extracting(GoogleApisStandIn.Seen::path, r -> r.params().get("pageToken")).containsExactly(
                tuple(REPOS, null), tuple(REPOS, "CgRiYXNl"),
                tuple("/v1/" + APPS + "/dockerImages", null), tuple("/v1/" + APPS + "/dockerImages", "Cg5mcm9udGVuZEAy"),
                tuple("/v1/" + BASE + "/dockerImages", null));
        assertThat(api).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.params()).containsEntry("pageSize", "1000");
            assertThat(google.issuedToken(r.headers().get("authorization").substring("Bearer ".length()))).isTrue();
        });
    }

    @Test
    void gcrHostsAreLeftToTheCatalog() {
        int before = google.requests().size();
        for (String host : List.of("gcr.io", "eu.gcr.io", "us.gcr.io", "asia.gcr.io")) {
            assertThat(provider.repositories(context(host, RegistryType.GCR, Map.of(), null))).isEmpty();
        }
        assertThat(google.requests()).as("not even a token is fetched").hasSize(before);
    }

    @Test
    void projectAndLocationComeFromTheCloudSectionWhenTheHostDoesNotSayThem() {
        ProviderContext mirror = context("registry.internal.example:5000", RegistryType.GAR,
                Map.of("project", "demo-project", "location", "europe-west1"), null);
        assertThat(provider.repositories(mirror)).extracting(ProvidedRepository::path)
                .contains("demo-project/base/debian");
        assertThatThrownBy(() -> provider.repositories(context("registry.internal.example:5000", RegistryType.GAR,
                Map.of("project", "demo-project"), null))).isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("cloud.location");
                });
    }

    @Test
    void listingDeniedIsCatalogDeniedNamingPermissionPrincipalAndGrant() {
        google.fail(REPOS, GoogleApisStandIn.Answer.googleError(403, "PERMISSION_DENIED",
                "Permission 'artifactregistry.repositories.list' denied on resource '" + PARENT + "' (or it may not exist)."));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.CATALOG_DENIED);
            assertThat(e.getMessage()).contains(SA_EMAIL, "artifactregistry.repositories.list", PARENT);
            assertThat(e.evidence()).containsEntry("http_status", "403").containsEntry("status", "PERMISSION_DENIED")
                    .containsEntry("principal", SA_EMAIL);
            assertThat(e.hint()).contains("roles/artifactregistry.reader", "gcloud projects add-iam-policy-binding "
                    + "demo-project --member 'serviceAccount:" + SA_EMAIL + "'");
        });
    }

    @Test
    void imageListingDeniedIsInsufficientScopeWithTheRepositoryGrant() {
        google.fail("/v1/" + APPS + "/dockerImages", GoogleApisStandIn.Answer.googleError(403, "PERMISSION_DENIED",
                "Permission 'artifactregistry.dockerimages.list' denied on resource."));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
            assertThat(e.evidence()).containsEntry("permission", "artifactregistry.dockerimages.list");
            assertThat(e.hint()).contains("gcloud artifacts repositories add-iam-policy-binding apps --project demo-project "
                    + "--location europe-west1 --member 'serviceAccount:" + SA_EMAIL + "' --role roles/artifactregistry.reader");
        });
    }

    @Test
    void disabledApiRejectedTokensThrottlingOutagesAndForeignAnswersAreClassified() {
        google.fail(REPOS, GoogleApisStandIn.Answer.googleError(403, "PERMISSION_DENIED", "Artifact Registry API has not "
                + "been used in project 123456789 before or it is disabled. Enable it by visiting the console."));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
            assertThat(e.hint()).contains("gcloud services enable artifactregistry.googleapis.com --project demo-project");
        });
        google.fail(REPOS, GoogleApisStandIn.Answer.googleError(429, "RESOURCE_EXHAUSTED",
                "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute'."));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_RATE_LIMITED));
        google.fail(REPOS, GoogleApisStandIn.Answer.googleError(401, "UNAUTHENTICATED",
                "Request had invalid authentication credentials."));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS));
        google.fail(REPOS, GoogleApisStandIn.Answer.googleError(503, "UNAVAILABLE", "The service is currently unavailable."));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_UNAVAILABLE));
        google.fail(REPOS, new GoogleApisStandIn.Answer(200, "<html><body>captive portal</body></html>"));
        assertThatThrownBy(() -> provider.repositories(gar())).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR));
    }

    @Test
    void iamStatusNamesTheIdentityAndItsTokenExpiry() {
        IdentityReport report = provider.identity(gar());
        assertThat(report.facts()).contains(new Fact("credential type", "service_account"),
                new Fact("principal", SA_EMAIL), new Fact("key id", KEY_ID), new Fact("project", "demo-project"),
                new Fact("registry username", "oauth2accesstoken"));
        assertThat(report.facts()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("token expiry");
            assertThat(Instant.parse(f.value())).isAfter(Instant.now().plusSeconds(3000));
        });
        assertThat(report.checks()).singleElement().extracting(Check::status).isEqualTo(Status.PASS);
        assertThat(report.toString()).doesNotContain("PRIVATE KEY", "ya29.");
    }

    @Test
    void iamVerifyTestsEachScanPermissionOnEachRepositoryWithTheFix() throws Exception {
        google.grant(APPS, "artifactregistry.repositories.downloadArtifacts", "artifactregistry.repositories.list",
                "artifactregistry.dockerimages.list");
        google.grant(BASE, "artifactregistry.repositories.downloadArtifacts");
        int before = google.requests().size();
        IdentityReport report = provider.verify(gar());

        assertThat(report.checks()).extracting(Check::name, Check::status).containsExactly(
                tuple("access token", Status.PASS),
                tuple("artifactregistry.repositories.list", Status.PASS),
                tuple("artifactregistry.repositories.downloadArtifacts on " + APPS, Status.PASS),
                tuple("artifactregistry.repositories.list on " + APPS, Status.PASS),
                tuple("artifactregistry.dockerimages.list on " + APPS, Status.PASS),
                tuple("artifactregistry.repositories.downloadArtifacts on " + BASE, Status.PASS),
                tuple("artifactregistry.repositories.list on " + BASE, Status.FAIL),
                tuple("artifactregistry.dockerimages.list on " + BASE, Status.FAIL));
        assertThat(report.checks().getLast().detail()).contains("roles/artifactregistry.reader",
                "gcloud artifacts repositories add-iam-policy-binding base --project demo-project --location europe-west1");
        assertThat(report.worst()).isEqualTo(Status.FAIL);

        GoogleApisStandIn.Seen test = google.requests().subList(before, google.requests().size()).stream()
                .filter(r -> r.path().endsWith(":testIamPermissions")).findFirst().orElseThrow();
        assertThat(test.method()).isEqualTo("POST");
        assertThat(test.path()).isEqualTo("/v1/" + APPS + ":testIamPermissions");
        assertThat(test.headers().get("content-type")).startsWith("application/json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(test.body()).path("permissions").toString())
                .isEqualTo("[\"artifactregistry.repositories.downloadArtifacts\",\"artifactregistry.repositories.list\","
                        + "\"artifactregistry.dockerimages.list\"]");
    }

    @Test
    void iamVerifyTestsTheConfiguredRepositoriesWhenListingIsDenied() {
        google.grant(BASE, "artifactregistry.repositories.downloadArtifacts", "artifactregistry.repositories.list",
                "artifactregistry.dockerimages.list");
        google.fail(REPOS, GoogleApisStandIn.Answer.googleError(403, "PERMISSION_DENIED", "Permission denied."));
        IdentityReport report = provider.verify(context(HOST, RegistryType.GAR, Map.of(),
                List.of("demo-project/base/debian")));
        assertThat(report.checks()).extracting(Check::name, Check::status).containsExactly(
                tuple("access token", Status.PASS),
                tuple("artifactregistry.repositories.list", Status.FAIL),
                tuple("artifactregistry.repositories.downloadArtifacts on " + BASE, Status.PASS),
                tuple("artifactregistry.repositories.list on " + BASE, Status.PASS),
                tuple("artifactregistry.dockerimages.list on " + BASE, Status.PASS));
        assertThat(report.checks().get(1).detail()).contains("CATALOG_DENIED", "roles/artifactregistry.reader");
    }
}
