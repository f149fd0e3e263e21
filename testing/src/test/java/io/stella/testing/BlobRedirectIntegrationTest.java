package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class BlobRedirectIntegrationTest {

    @Test
    void blobGetsRedirectToTheRecordingServerWhichServesStorage(@TempDir Path dir) throws Exception {
        try (RecordingServer files = RecordingServer.start();
             LocalRegistry registry = LocalRegistry.builder().basic(Map.of("u", "p"))
                     .redirectBlobsTo(files.baseUrl()).start()) {
            files.serveFilesFrom(registry.storageRoot());
            Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir, "linux", "amd64", null, 100_000)), registry,
                    "lib/app:1", PushAuth.of("u", "p"), false);
            files.clearRequests();

            HttpClient client = Http.client();
            JsonNode manifest = Http.json(LocalRegistryIntegrationTest.manifest(client, registry.baseUrl(), "lib/app",
                    "1", Http.basic("u", "p")));
            String digest = manifest.get("layers").get(0).get("digest").asText();

            HttpResponse<byte[]> redirect = Http.get(client, registry.baseUrl() + "/v2/lib/app/blobs/" + digest,
                    "Authorization", Http.basic("u", "p"));
            assertThat(redirect.statusCode()).isEqualTo(307);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(files.baseUrl() + "/docker/registry/v2/blobs/sha256/");

            HttpResponse<byte[]> blob = Http.get(client, location);
            assertThat(blob.statusCode()).isEqualTo(200);
            assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob.body())))
                    .isEqualTo(digest);
            assertThat(blob.body().length).isEqualTo(manifest.get("layers").get(0).get("size").asInt());

            HttpResponse<byte[]> range = Http.get(client, location, "Range", "bytes=10-19");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).hasSize(10);

            assertThat(files.requests()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
            assertThat(Http.get(client, files.baseUrl() + "/../etc/passwd").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void recordingServerCanAnswerWithAFixedResponse() {
        try (RecordingServer server = RecordingServer.start()) {
            server.respond(503, Map.of("Retry-After", "3"), "busy".getBytes());
            HttpResponse<byte[]> response = Http.get(Http.client(), server.baseUrl() + "/any/path?x=1",
                    "X-Test", "yes");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(Http.text(response)).isEqualTo("busy");
            List<RecordedRequest> requests = server.requests();
            assertThat(requests).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/any/path");
                assertThat(r.query()).isEqualTo("x=1");
                assertThat(r.header("x-test")).hasValue("yes");
                assertThat(r.headers()).containsKey("x-test");
            });
        }
    }
}
