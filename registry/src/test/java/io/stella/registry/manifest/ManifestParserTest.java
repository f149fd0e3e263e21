package io.stella.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.Platform;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D3 = "sha256:" + "3".repeat(64);

    private static String index(String mediaType, String entries) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"manifests\":[" + entries + "]}";
    }

    private static String entry(String digest, String os, String arch, String variant) {
        return "{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + digest + "\",\"size\":10,"
                + "\"platform\":{\"os\":\"" + os + "\",\"architecture\":\"" + arch + "\""
                + (variant == null ? "" : ",\"variant\":\"" + variant + "\"") + "}}";
    }

    @Test
    void parsesDockerSchema2Manifest() {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + D1 + "\",\"size\":5},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"digest\":\"" + D2
                + "\",\"size\":100},{\"mediaType\":\"x\",\"digest\":\"" + D3 + "\",\"size\":50}]}";
        Manifest m = ManifestParser.parse(json.getBytes(), MediaTypes.DOCKER_MANIFEST, "sha256:x", "m");
        assertThat(m).isInstanceOfSatisfying(ImageManifest.class, im -> {
            assertThat(im.layers()).extracting(Descriptor::digest).containsExactly(D2, D3);
            assertThat(im.totalLayerSize()).isEqualTo(150);
            assertThat(im.config().digest()).isEqualTo(D1);
        });
    }

    @Test
    void ociWithoutMediaTypeIsRecognisedByShape() {
        String json = index("", entry(D1, "linux", "amd64", null)).replace("\"mediaType\":\"\",", "");
        assertThat(ManifestParser.parse(json.getBytes(), "application/json", "d", "m")).isInstanceOf(ImageIndex.class);
    }

    @Test
    void schema1IsUnsupported() {
        String json = "{\"schemaVersion\":1,\"name\":\"a\",\"tag\":\"t\",\"fsLayers\":[{\"blobSum\":\"" + D1 + "\"}]}";
        assertThatThrownBy(() -> ManifestParser.parse(json.getBytes(), MediaTypes.DOCKER_SCHEMA1_SIGNED, "d", "manifest a:t"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.MANIFEST_UNSUPPORTED));
    }

    @Test
    void malformedManifestsAreInvalidWithAReason() {
        assertThatThrownBy(() -> ManifestParser.parse("{not json".getBytes(), null, "d", "m"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.MANIFEST_INVALID);
                    assertThat(e.getMessage()).contains("not valid JSON");
                });
        String badDigest = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"config\":{\"digest\":\"../../etc\",\"size\":1},\"layers\":[]}";
        assertThatThrownBy(() -> ManifestParser.parse(badDigest.getBytes(), null, "d", "m"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage()).contains("malformed digest"));
        String artifact = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.cncf.helm.chart\"}";
        assertThatThrownBy(() -> ManifestParser.parse(artifact.getBytes(), null, "d", "m"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.MANIFEST_UNSUPPORTED));
    }

    @Test
    void platformSelection() {
        String json = index(MediaTypes.OCI_INDEX, String.join(",", entry(D1, "linux", "amd64", null),
                entry(D2, "linux", "arm64", "v8"), entry(D3, "unknown", "unknown", null)));
        ImageIndex idx = (ImageIndex) ManifestParser.parse(json.getBytes(), null, "sha256:idx", "i");
        assertThat(PlatformSelector.select(idx, Optional.empty(), "i").digest()).isEqualTo(D1);
        assertThat(PlatformSelector.select(idx, Optional.of(Platform.parse("linux/arm64")), "i").digest()).isEqualTo(D2);
        assertThatThrownBy(() -> PlatformSelector.select(idx, Optional.of(Platform.parse("linux/s390x")), "i"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.PLATFORM_NOT_FOUND);
                    assertThat(e.getMessage()).contains("linux/amd64, linux/arm64/v8").doesNotContain("unknown");
                });
        String single = index(MediaTypes.OCI_INDEX, entry(D2, "linux", "arm64", null));
        ImageIndex one = (ImageIndex) ManifestParser.parse(single.getBytes(), null, "d", "i");
        assertThat(PlatformSelector.select(one, Optional.empty(), "i").digest()).isEqualTo(D2);
        assertThatThrownBy(() -> PlatformSelector.select(one, Optional.of(Platform.parse("linux/amd64")), "i"))
                .isInstanceOf(RegistryException.class);
    }
}
