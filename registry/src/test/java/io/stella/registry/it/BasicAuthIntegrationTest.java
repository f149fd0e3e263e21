package io.stella.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.ImageReference;
import io.stella.registry.Secret;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.sources.CredentialResolver;
import io.stella.registry.auth.sources.ExplicitCredentialSource;
import io.stella.registry.blob.Digests;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.manifest.Descriptor;
import io.stella.testing.Closer;
import io.stella.testing.FaultProxy;
import io.stella.testing.LocalRegistry;
import io.stella.testing.PushAuth;
import io.stella.testing.RecordedRequest;
import io.stella.testing.RecordingServer;
import io.stella.testing.Skopeo;
import io.stella.testing.TestImages;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd Basic registries: credentials, rejections, redirects to another origin, isolation. */
@Tag("integration")
class BasicAuthIntegrationTest {
    static final String PASSWORD = "pw-SENTINEL-basic-4411";
    static RecordingServer storage;
    static LocalRegistry registry;
    static LocalRegistry other;
    static FaultProxy front;
    static FaultProxy otherFront;

    @BeforeAll
    static void start(@TempDir Path dir) {
        storage = RecordingServer.start();
        registry = LocalRegistry.builder().basic(Map.of("alice", PASSWORD)).redirectBlobsTo(storage.baseUrl()).start();
        storage.serveFilesFrom(registry.storageRoot());
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("app"), "linux", "amd64", null, 48 * 1024)),
                registry, "team/app:1.0", PushAuth.of("alice", PASSWORD), false);
        other = LocalRegistry.builder().basic(Map.of("bob", "bob-pw")).start();
        Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("other"), "linux", "amd64", null, 12 * 1024)),
                other, "team/app:1.0", PushAuth.of("bob", "bob-pw"), false);
        front = FaultProxy.start(registry);
        otherFront = FaultProxy.start(other);
    }

    @AfterAll
    static void stop() {
        Closer.closeAll(front, otherFront, registry, other, storage);
    }

    private static ImageReference ref(String host, String repoAndTag) {
        return ImageReference.parse(host + "/" + repoAndTag);
    }

    @Test
    void validCredentialsResolveWithBasicAuth() {
        RegistryClient client = Clients.builder(registry.host()).credential(Clients.user("alice", PASSWORD)).build();
        ResolvedImage image = client.resolve(ref(registry.host(), "team/app:1.0"), Optional.empty());
        assertThat(image.manifest().layers()).hasSize(1);
        assertThat(client.session().authScheme()).isEqualTo("basic");
        assertThat(client.tokenRequests()).isZero();
    }

    @Test
    void wrongPasswordIsInvalidCredentialsAndIsSentOnlyOnce() {
        RegistryClient client = Clients.builder(front.host()).credential(Clients.user("alice", "wrong-SENTINEL")).build();
        int before = front.requestCount();
        assertThatThrownBy(() -> client.resolve(ref(front.host(), "team/app:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS);
                    assertThat(e.evidence()).containsEntry("http_status", "401")
                            .containsEntry("auth_method", "basic")
                            .containsKey("challenge");
                    assertThat(e.evidence().get("credential_source")).contains("explicit");
                    assertThat(e.toString() + e.evidence() + e.hint()).doesNotContain("wrong-SENTINEL");
                });
        long withCredentials = front.requests().stream().skip(before)
                .filter(r -> r.header("authorization").isPresent()).count();
        assertThat(withCredentials).as("rejected Basic credentials must not be re-sent").isEqualTo(1);
    }

    @Test
    void aRenewableSourceGivingTheSameWrongPasswordDoesNotGetItSentTwice() {
        // a docker config file is renewable (re-read on rejection), but re-reading it gives the same password
        ResolvedCredential wrong = Clients.user("alice", "wrong-SENTINEL");
        io.stella.registry.auth.CredentialLease lease = new io.stella.registry.auth.CredentialLease(wrong,
                Optional.of(() -> Clients.user("alice", "wrong-SENTINEL")), io.stella.registry.auth.RefreshPolicy.DEFAULT,
                java.time.Clock.systemUTC(), io.stella.registry.auth.CredentialLease.Listener.NONE);
        RegistryClient client = Clients.builder(front.host()).credential(lease).build();
        int before = front.requestCount();

        assertThatThrownBy(() -> client.resolve(ref(front.host(), "team/app:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.AUTH_INVALID_CREDENTIALS));
        long withCredentials = front.requests().stream().skip(before)
                .filter(r -> r.header("authorization").isPresent()).count();
        assertThat(withCredentials).isEqualTo(1);
        assertThat(lease.renewals()).as("the source was asked again once").isEqualTo(1);
    }

    @Test
    void aBasicCredentialRotatedAtItsSourceIsFetchedAgainAfterTheRejection() {
        // what an ECR registry (Basic challenge) sees when its 12-hour password died: the provider gives a new one
        ResolvedCredential dead = Clients.user("alice", "expired-SENTINEL");
        io.stella.registry.auth.CredentialLease lease = new io.stella.registry.auth.CredentialLease(dead,
                Optional.of(() -> Clients.user("alice", PASSWORD)), io.stella.registry.auth.RefreshPolicy.DEFAULT,
                java.time.Clock.systemUTC(), io.stella.registry.auth.CredentialLease.Listener.NONE);
        RegistryClient client = Clients.builder(front.host()).credential(lease).build();
        int before = front.requestCount();

        client.resolve(ref(front.host(), "team/app:1.0"), Optional.empty());

        assertThat(lease.renewals()).isEqualTo(1);
        String deadHeader = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "alice:expired-SENTINEL".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> sent = front.requests().stream().skip(before).map(r -> r.header("authorization"))
                .flatMap(Optional::stream).toList();
        assertThat(sent).as("the dead password once, then only the new one").hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent.getFirst()).isEqualTo(deadHeader);
        assertThat(sent.subList(1, sent.size())).doesNotContain(deadHeader);
    }

    @Test
    void anonymousIsNoCredentials() {
        assertThatThrownBy(() -> Clients.anonymous(registry.host()).resolve(ref(registry.host(), "team/app:1.0"),
                Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS);
                    assertThat(e.hint()).contains("docker/podman login " + registry.host());
                });
    }

    @Test
    void unknownRepositoryBehindBasicAuthCannotBeToldFromDenied() {
        RegistryClient client = Clients.builder(registry.host()).credential(Clients.user("alice", PASSWORD)).build();
        assertThatThrownBy(() -> client.resolve(ref(registry.host(), "team/nothing:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED));
    }

    @Test
    void unknownTagInAReadableRepositoryIsImageNotFound() {
        RegistryClient client = Clients.builder(registry.host()).credential(Clients.user("alice", PASSWORD)).build();
        assertThatThrownBy(() -> client.resolve(ref(registry.host(), "team/app:2.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(FailureCode.IMAGE_NOT_FOUND);
                    assertThat(e.evidence()).containsEntry("available_tags", "1.0");
                });
    }

    @Test
    void blobRedirectToAnotherOriginCarriesNoCredentials() throws Exception {
        RegistryClient client = Clients.builder(registry.host()).credential(Clients.user("alice", PASSWORD)).build();
        ResolvedImage image = client.resolve(ref(registry.host(), "team/app:1.0"), Optional.empty());
        storage.clearRequests();
        Descriptor layer = image.manifest().layers().getFirst();
        try (InputStream in = client.openBlob("team/app", layer)) {
            assertThat(Digests.sha256(in.readAllBytes())).isEqualTo(layer.digest());
        }
        assertThat(storage.requests()).as("the blob really came from the redirect target").isNotEmpty();
        assertThat(storage.requests()).allSatisfy(r -> assertThat(r.header("authorization")).isEmpty());
        assertThat(storage.requests()).anyMatch(r -> r.path().endsWith(layer.digest().substring(7) + "/data"));
    }

    @Test
    void credentialsForOneRegistryNeverReachAnother() {
        // --username applies to the image's registry only: the resolver gives nothing for the other one.
        CredentialResolver resolver = CredentialResolver.standard(
                Optional.of(new ExplicitCredentialSource(front.host(), "alice", Secret.of(PASSWORD))),
                StellaConfig.empty(), Optional.empty(), Map.of(), Path.of("/nonexistent-home"));
        ResolvedCredential forFront = resolver.resolve(front.host());
        ResolvedCredential forOther = resolver.resolve(otherFront.host());
        assertThat(forFront.isAnonymous()).isFalse();
        assertThat(forOther.isAnonymous()).isTrue();

        Clients.builder(front.host()).credential(forFront).build().resolve(ref(front.host(), "team/app:1.0"), Optional.empty());
        int before = otherFront.requestCount();
        assertThatThrownBy(() -> Clients.builder(otherFront.host()).credential(forOther).build()
                .resolve(ref(otherFront.host(), "team/app:1.0"), Optional.empty()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.code()).isEqualTo(FailureCode.AUTH_NO_CREDENTIALS));
        String aliceBasic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(otherFront.requests().stream().skip(before)).isNotEmpty()
                .allSatisfy((RecordedRequest r) -> assertThat(r.header("authorization")).isEmpty());
        assertThat(front.requests()).anyMatch(r -> r.header("authorization").orElse("").equals(aliceBasic));
    }

    @Test
    void deniedByTheRegistryIsInsufficientScopeNamingRepositoryAndAction() {
        RegistryClient client = Clients.builder(front.host()).credential(Clients.user("alice", PASSWORD)).build();
        client.ping();
        front.failNext(r -> r.path().contains("/manifests/"), 1, 403, Map.of("Content-Type", "application/json"),
                "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}");
        try {
            assertThatThrownBy(() -> client.resolve(ref(front.host(), "team/app:1.0"), Optional.empty()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(FailureCode.AUTH_INSUFFICIENT_SCOPE);
                        assertThat(e.getMessage()).contains("pull", "team/app", "DENIED");
                        assertThat(e.evidence()).containsEntry("http_status", "403")
                                .containsEntry("registry_error_code", "DENIED");
                    });
        } finally {
            front.clearFaults();
        }
    }
}
