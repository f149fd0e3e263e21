package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class Schema1IntegrationTest {

    private static final String SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    @Test
    void schema1PushWorksWhenCompatibilityIsEnabled() {
        try (LocalRegistry registry = LocalRegistry.builder().schema1Enabled(true).start()) {
            Skopeo.copyTo(registry, "library/alpine:s1")
                    .from(Skopeo.dockerArchive(TestImages.alpineArchive("3.10")))
                    .format(Skopeo.Format.V2S1)
                    .run();
            HttpResponse<byte[]> response = LocalRegistryIntegrationTest.manifest(Http.client(), registry.baseUrl(),
                    "library/alpine", "s1", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(SCHEMA1_SIGNED);
            JsonNode manifest = Http.json(response);
            assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(manifest.get("fsLayers")).isNotEmpty();
            assertThat(manifest.get("signatures")).isNotEmpty();
        }
    }

    @Test
    void distribution28RefusesSchema1ByDefault() {
        try (LocalRegistry registry = LocalRegistry.builder().start()) {
            assertThatThrownBy(() -> Skopeo.copyTo(registry, "library/alpine:s1")
                    .from(Skopeo.dockerArchive(TestImages.alpineArchive("3.10")))
                    .format(Skopeo.Format.V2S1)
                    .run())
                    .hasMessageContaining("500 Internal Server Error");
            assertThat(registry.log()).contains("manifest schema v1 unsupported");
        }
    }
}
