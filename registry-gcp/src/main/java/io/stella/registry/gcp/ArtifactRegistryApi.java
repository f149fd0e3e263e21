package io.stella.registry.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.gcp.wire.DockerImageJson;
import io.stella.registry.gcp.wire.DockerImagePageJson;
import io.stella.registry.gcp.wire.RepositoryJson;
import io.stella.registry.gcp.wire.RepositoryPageJson;
import io.stella.registry.gcp.wire.TestIamPermissionsJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Artifact Registry REST v1 calls stella makes, with an access token: list repositories, list docker
 * images (both paginated with {@code pageToken}/{@code nextPageToken}), {@code testIamPermissions}.
 */
final class ArtifactRegistryApi {
    static final String LIST_REPOSITORIES = "artifactregistry.repositories.list";
    static final String LIST_DOCKER_IMAGES = "artifactregistry.dockerimages.list";
    static final String DOWNLOAD_ARTIFACTS = "artifactregistry.repositories.downloadArtifacts";
    private static final int PAGE_SIZE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;
    private final ProviderContext context;
    private final String base;
    private final GcpAccessToken token;
    private final String principal;

    ArtifactRegistryApi(HttpClient http, ProviderContext context, GcpEndpoints endpoints, GcpAccessToken token,
                        String principal) {
        this.http = http;
        this.context = context;
        this.base = endpoints.artifactRegistryBase();
        this.token = token;
        this.principal = principal;
    }

    /** All repositories of a project and location, of every format. */
    List<RepositoryJson> repositories(String project, String location) {
        String parent = "projects/" + project + "/locations/" + location;
        List<RepositoryJson> all = new ArrayList<>();
        String pageToken = null;
        do {
            RepositoryPageJson page = get(parent + "/repositories", pageToken, RepositoryPageJson.class,
                    LIST_REPOSITORIES, parent);
            all.addAll(page.repositories());
            pageToken = page.nextPageToken();
        } while (pageToken != null && !pageToken.isEmpty());
        return all;
    }

    /** All images (manifests) of a repository, {@code projects/…/repositories/<repo>}. */
    List<DockerImageJson> dockerImages(String repositoryName) {
        List<DockerImageJson> all = new ArrayList<>();
        String pageToken = null;
        do {
            DockerImagePageJson page = get(repositoryName + "/dockerImages", pageToken, DockerImagePageJson.class,
                    LIST_DOCKER_IMAGES, repositoryName);
            all.addAll(page.dockerImages());
            pageToken = page.nextPageToken();
        } while (pageToken != null && !pageToken.isEmpty());
        return all;
    }

    /** Which of {@code permissions} the caller holds on a repository. */
    List<String> testIamPermissions(String repositoryName, List<String> permissions) {
        String url = base + "/v1/" + repositoryName + ":testIamPermissions";
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new TestIamPermissionsJson(permissions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = authorized(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(request, TestIamPermissionsJson.class, "artifactregistry.repositories.getIamPolicy (testIamPermissions)",
                repositoryName).permissions();
    }

    private <T> T get(String path, String pageToken, Class<T> type, String permission, String resource) {
        String url = base + "/v1/" + path + "?pageSize=" + PAGE_SIZE
                + (pageToken == null ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        return send(authorized(url).GET().build(), type, permission, resource);
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token.value().reveal())
                .header("Accept", "application/json");
    }

    private <T> T send(HttpRequest request, Class<T> type, String permission, String resource) {
        String url = request.uri().toString();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw NetworkFailures.of(context, e, "the Artifact Registry API", url)
                    .orElseGet(() -> RegistryException.builder(FailureCode.NETWORK_ERROR,
                                    "the Artifact Registry API call " + url + " failed: " + e.getClass().getSimpleName())
                            .registry(context.registry().hostKey()).cause(e).evidence("endpoint", url).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.builder(FailureCode.NETWORK_ERROR, "interrupted calling " + url)
                    .registry(context.registry().hostKey()).build();
        }
        if (response.statusCode() / 100 != 2) {
            throw ArtifactRegistryFailures.of(context, response.statusCode(), GoogleErrors.parse(response.body()),
                    permission, resource, principal, url);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                            "the Artifact Registry API answered " + url + " with a body that is not its JSON")
                    .registry(context.registry().hostKey())
                    .hint("Check " + GcpEndpoints.ARTIFACT_REGISTRY_ENV + " (or a proxy rewriting answers): it must be "
                            + "the Artifact Registry REST API.")
                    .evidence("endpoint", url)
                    .evidence("content_type", response.headers().firstValue("Content-Type").orElse(null))
                    .build();
        }
    }
}
