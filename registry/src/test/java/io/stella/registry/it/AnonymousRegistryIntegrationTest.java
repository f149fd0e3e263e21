package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.blob.Digests;
import io.stella.registry.client.BlobReadException;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.manifest.Descriptor;
import io.stella.registry.manifest.ImageIndex;
import io.stella.registry.manifest.MediaTypes;
import io.stella.registry.trace.TraceEvent;
import io.stella.testing.Closer;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.Skopeo;
import io.stella.testing.TestImages;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class AnonymousRegistryIntegrationTest {
    static LocalRegistry registry;
    static LocalRegistry schema1Registry;

    @BeforeAll
    static void start(@TempDir Path dir) {
        registry = LocalRegistry.builder().anonymous().start();
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("app"), "linux", "amd64", null, 64 * 1024)),
                registry, "app:1.0", PushAuth.NONE, false);
        Skopeo.copy(Skopeo.oci(TestImages.multiArch(dir.resolve("multi"), List.of(
                        TestImages.Platform.parse("linux/amd64"), TestImages.Platform.parse("linux/arm64/v8"),
                        TestImages.Platform.parse("linux/arm/v7")), 16 * 1024)),
                registry, "multi:1.0", PushAuth.NONE, true);
        Skopeo.copy(Skopeo.oci(TestImages.multiArch(dir.resolve("one"), List.of(TestImages.Platform.parse("linux/arm64")),
                20 * 1024)), registry, "one:1.0", PushAuth.NONE, true);
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("corrupt"), "linux", "amd64", null, 33 * 1024)),
                registry, "corrupt:1.0", PushAuth.NONE, false);
        Skopeo.copy(Skopeo.dockerArchive(TestImages.alpineArchive("3.11")), registry, "library/alpine:3.11",
                PushAuth.NONE, false);
        schema1Registry = LocalRegistry.builder().anonymous().schema1Enabled(true).start();
        Skopeo.copyTo(schema1Registry, "old:1.0").from(Skopeo.dockerArchive(TestImages.alpineArchive("3.11")))
                .format(Skopeo.Format.V2S1).run();
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(registry, schema1Registry);
    }

    private static ImageReference ref(String repoAndTag) {
        return ImageReference.parse(registry.host() + "/" + repoAndTag);
    }

    @Test
    void httpsIsTriedFirstThenPlainHttpForALoopbackRegistry() {
        RegistryClient client = Clients.anonymous(registry.host());
        assertThat(client.ping().base().getScheme()).isEqualTo("http");
        assertThat(client.ping().status()).isEqualTo(200);
        assertThat(client.ping().preferredChallenge()).isEmpty();
    }

    @Test
    void resolvesSingleArchImageWithTheDigestTheRegistryServes() throws Exception {
        RegistryClient client = Clients.anonymous(registry.host());
        ResolvedImage image = client.resolve(ref("app:1.0"), Optional.empty());

        HttpResponse<byte[]> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(registry.baseUrl() + "/v2/app/manifests/1.0"))
                .header("Accept", MediaTypes.OCI_MANIFEST + "," + MediaTypes.DOCKER_MANIFEST).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.manifest().digest()).isEqualTo(Digests.sha256(raw.body()))
                .isEqualTo(raw.headers().firstValue("docker-content-digest").orElseThrow());
        assertThat(image.digest()).isEqualTo(image.manifest().digest());
        assertThat(image.index()).isEmpty();
        assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
        assertThat(image.manifest().layers()).hasSize(1);
        assertThat(client.tokenRequests()).isZero();
    }

    @Test
    void headAndStreamedBlobsMatchTheirDescriptors() throws Exception {
        RegistryClient client = Clients.anonymous(registry.host());
        ResolvedImage image = client.resolve(ref("app:1.0"), Optional.empty());
        Descriptor layer = image.manifest().layers().getFirst();
        assertThat(client.headBlob("app", layer.digest())).hasValue(layer.size());
        try (InputStream in = client.openBlob("app", layer)) {
            byte[] bytes = in.readAllBytes();
            assertThat(bytes).hasSize((int) layer.size());
            assertThat(Digests.sha256(bytes)).isEqualTo(layer.digest());
        }
    }

    @Test
    void selectsPlatformsFromAMultiArchIndex() {
        RegistryClient client = Clients.anonymous(registry.host());
        ResolvedImage amd64 = client.resolve(ref("multi:1.0"), Optional.empty());
        ResolvedImage arm64 = client.resolve(ref("multi:1.0"), Optional.of(Platform.parse("linux/arm64")));
        ResolvedImage armv7 = client.resolve(ref("multi:1.0"), Optional.of(Platform.parse("linux/arm/v7")));
        assertThat(amd64.platform().toString()).isEqualTo("linux/amd64");
        assertThat(arm64.platform().toString()).isEqualTo("linux/arm64/v8");
        assertThat(armv7.platform().toString()).isEqualTo("linux/arm/v7");
        assertThat(amd64.index()).isPresent();
        assertThat(amd64.digest()).isEqualTo(amd64.index().map(ImageIndex::digest).orElseThrow());
        assertThat(List.of(amd64.manifest().digest(), arm64.manifest().digest(), armv7.manifest().digest()))
                .doesNotHaveDuplicates().doesNotContain(amd64.digest());
    }

    @Test
    void missingPlatformListsThePlatformsPresent() {
        RegistryClient client = Clients.anonymous(registry.host());
        assertThatThrownBy(() -> client.resolve(ref("multi:1.0"), Optional.of(Platform.parse("linux/s390x"))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.PLATFORM_NOT_FOUND);
                    assertThat(e.getMessage()).contains("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
                    assertThat(e.hint()).contains("--platform");
                });
    }

    @Test
    void aSingleEntryIndexIsUsedWhateverItsPlatform() {
        ResolvedImage image = Clients.anonymous(registry.host()).resolve(ref("one:1.0"), Optional.empty());
        assertThat(image.platform().architecture()).isEqualTo("arm64");
    }

    @Test
    void resolvesByDigestAndRealDockerArchiveImages() {
        RegistryClient client = Clients.anonymous(registry.host());
        ResolvedImage byTag = client.resolve(ref("library/alpine:3.11"), Optional.empty());
        assertThat(byTag.manifest().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(byTag.platform()).isEqualTo(Platform.LINUX_AMD64);
        ResolvedImage byDigest = client.resolve(ImageReference.parse(registry.host() + "/library/alpine@" + byTag.digest()),
                Optional.empty());
        assertThat(byDigest.manifest()).isEqualTo(byTag.manifest());
    }

    @Test
    void missingTagIsImageNotFoundWithTheTagsThatExist() {
        assertThatThrownBy(() -> Clients.anonymous(registry.host()).resolve(ref("app:nope"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.IMAGE_NOT_FOUND);
                    assertThat(e.evidence()).containsEntry("available_tags", "1.0");
                    assertThat(e.getMessage()).contains("tag 'nope'", "app");
                });
    }

    @Test
    void missingRepositoryOnAnOpenRegistryIsImageNotFound() {
        assertThatThrownBy(() -> Clients.anonymous(registry.host()).resolve(ref("nothing/here:1"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.IMAGE_NOT_FOUND);
                    assertThat(e.evidence()).containsEntry("http_status", "404");
                });
    }

    @Test
    void catalogAndTagsFollowLinkPagination() {
        io.stella.registry.trace.Trace trace = new io.stella.registry.trace.Trace(java.time.Clock.systemUTC());
        RegistryClient client = Clients.builder(registry.host()).trace(trace).build();
        List<String> repositories = client.catalog(1);
        assertThat(repositories).containsExactlyInAnyOrder("app", "multi", "one", "corrupt", "library/alpine");
        long catalogPages = trace.events().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.REQUEST && e.message().contains("/v2/_catalog")).count();
        assertThat(catalogPages).isGreaterThanOrEqualTo(5);
        assertThat(client.tags("app")).containsExactly("1.0");
    }

    @Test
    void corruptBlobInStorageIsDigestMismatch() throws Exception {
        RegistryClient client = Clients.anonymous(registry.host());
        ResolvedImage image = client.resolve(ref("corrupt:1.0"), Optional.empty());
        Descriptor layer = image.manifest().layers().getFirst();
        String hex = layer.digest().substring("sha256:".length());
        Path data = registry.storageRoot().resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(data, bytes);
        try (InputStream in = client.openBlob("corrupt", layer)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(BlobReadException.class, e -> {
                assertThat(e.failure().code()).isEqualTo(FailureCode.DIGEST_MISMATCH);
                assertThat(e.failure().evidence()).containsEntry("expected_digest", layer.digest());
                assertThat(e.failure().repository()).isEqualTo("corrupt");
            });
        }
    }

    @Test
    void schema1ManifestIsUnsupported() {
        RegistryClient client = Clients.anonymous(schema1Registry.host());
        assertThatThrownBy(() -> client.resolve(ImageReference.parse(schema1Registry.host() + "/old:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.MANIFEST_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("schema 1");
                    assertThat(e.registry()).isEqualTo(schema1Registry.host());
                });
    }

    @Test
    void verboseTraceShowsRequestsAndResponses() {
        io.stella.registry.trace.Trace trace = new io.stella.registry.trace.Trace(java.time.Clock.systemUTC());
        RegistryClient client = Clients.builder(registry.host()).trace(trace).build();
        client.resolve(ref("app:1.0"), Optional.empty());
        assertThat(trace.events()).extracting(TraceEvent::kind).contains(TraceEvent.Kind.REQUEST, TraceEvent.Kind.RESPONSE);
        assertThat(trace.events()).anyMatch(e -> e.message().contains("does not speak TLS"));
        assertThat(trace.events()).anyMatch(e -> e.message().contains("/v2/app/manifests/1.0"));
    }

    @Test
    void httpsToAPlainHttpRegistryIsHandshakeFailedNamingHttp() {
        RegistryClient c = Clients.anonymous("https://" + registry.host());
        assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.code()).isEqualTo(FailureCode.TLS_HANDSHAKE_FAILED);
            assertThat(e.hint()).contains("http://");
            assertThat(e.evidence().get("url")).startsWith("https://");
        });
    }

    @Test
    void aServerThatIsNotARegistryIsProtocolError() {
        try (io.stella.testing.RecordingServer notARegistry = io.stella.testing.RecordingServer.start()) {
            RegistryClient c = Clients.anonymous(notARegistry.host());
            assertThatThrownBy(c::ping).isInstanceOfSatisfying(RegistryException.class, e -> {
                assertThat(e.code()).isEqualTo(FailureCode.REGISTRY_PROTOCOL_ERROR);
                assertThat(e.getMessage()).contains("does not look like a registry v2 API");
                assertThat(e.evidence()).containsEntry("http_status", "404");
            });
        }
    }
}
