package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class LocalRegistryIntegrationTest {

    private static final TestCa CA = TestCa.create();
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    @Test
    void anonymousRegistryTakesSingleArchMultiArchAndAlpine(@TempDir Path dir) {
        try (LocalRegistry registry = LocalRegistry.builder().anonymous().start()) {
            assertThat(registry.baseUrl()).isEqualTo("http://" + registry.host());
            assertThat(registry.host()).isEqualTo("127.0.0.1:" + registry.port());

            Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("single"), "linux", "amd64", null, 300_000)),
                    registry, "lib/single:1", PushAuth.NONE, false);
            Skopeo.copy(Skopeo.oci(TestImages.multiArch(dir.resolve("multi"), List.of(
                            new TestImages.Platform("linux", "amd64", null),
                            new TestImages.Platform("linux", "arm64", "v8"),
                            new TestImages.Platform("linux", "arm", "v7")), 50_000)),
                    registry, "lib/multi:1", PushAuth.NONE, true);
            Skopeo.copy(Skopeo.dockerArchive(TestImages.alpineArchive("3.11")), registry, "library/alpine:3.11",
                    PushAuth.NONE, false);

            HttpClient client = Http.client();
            HttpResponse<byte[]> single = manifest(client, registry.baseUrl(), "lib/single", "1", null);
            assertThat(single.statusCode()).isEqualTo(200);
            assertThat(single.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);

            HttpResponse<byte[]> multi = manifest(client, registry.baseUrl(), "lib/multi", "1", null);
            assertThat(multi.headers().firstValue("Content-Type")).hasValue(OCI_INDEX);
            JsonNode index = Http.json(multi);
            assertThat(index.get("manifests")).hasSize(3);
            for (JsonNode entry : index.get("manifests")) {
                HttpResponse<byte[]> child = manifest(client, registry.baseUrl(), "lib/multi",
                        entry.get("digest").asText(), null);
                assertThat(child.statusCode()).isEqualTo(200);
                assertThat(child.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
            }

            HttpResponse<byte[]> alpine = manifest(client, registry.baseUrl(), "library/alpine", "3.11", null);
            assertThat(alpine.headers().firstValue("Content-Type")).hasValue(DOCKER_MANIFEST);

            assertThat(registry.storageRoot().resolve("docker/registry/v2/repositories/lib/multi")).isDirectory();
            assertThat(registry.log()).contains("listening on 127.0.0.1:" + registry.port());
        }
    }

    @Test
    void basicAuthRegistryOverTlsTrustingTheCertificateItself(@TempDir Path dir) {
        IssuedCert cert = CA.issueServer(List.of("127.0.0.1"));
        try (LocalRegistry registry = LocalRegistry.builder().basic(Map.of("alice", "pw-a")).tls(cert).start()) {
            assertThat(registry.baseUrl()).startsWith("https://");
            assertThat(registry.caCertDir().resolve("ca.crt")).exists();
            Path layout = TestImages.singleArch(dir, "linux", "amd64", null, 10_000);

            assertThatThrownBy(() -> Skopeo.copy(Skopeo.oci(layout), registry, "lib/a:1", PushAuth.of("alice", "no"),
                    false)).hasMessageContaining("skopeo copy failed").hasMessageContaining("nauthorized");
            Skopeo.copy(Skopeo.oci(layout), registry, "lib/a:1", PushAuth.of("alice", "pw-a"), false);

            HttpClient client = Http.client(CA.trustingSslContext());
            HttpResponse<byte[]> anonymous = manifest(client, registry.baseUrl(), "lib/a", "1", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"stella-basic\"");
            HttpResponse<byte[]> authorized = manifest(client, registry.baseUrl(), "lib/a", "1",
                    Http.basic("alice", "pw-a"));
            assertThat(authorized.statusCode()).isEqualTo(200);
            assertThat(authorized.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
        }
    }

    @Test
    void tokenRegistryOverTlsVerifiesEs256TokensFromTheTokenService(@TempDir Path dir) {
        try (TokenService tokens = TokenService.builder(CA)
                .user("alice", "pw-a").grant("alice", "team-a", "pull", "push")
                .user("eve", "pw-e").grant("eve", "team-b", "pull")
                .start();
             LocalRegistry registry = LocalRegistry.builder().token(tokens)
                     .tls(CA.issueServer(List.of("127.0.0.1", "localhost")), CA).start()) {
            Skopeo.copy(Skopeo.oci(TestImages.singleArch(dir.resolve("single"), "linux", "amd64", null, 10_000)),
                    registry, "team-a/app:1", PushAuth.of("alice", "pw-a"), false);
            Skopeo.copyTo(registry, "team-a/multi:1")
                    .from(Skopeo.oci(TestImages.multiArch(dir.resolve("multi"), List.of(
                            TestImages.Platform.parse("linux/amd64"), TestImages.Platform.parse("linux/arm64/v8"),
                            TestImages.Platform.parse("linux/s390x")), 10_000)))
                    .auth(PushAuth.of("alice", "pw-a"))
                    .all(true)
                    .run();
            assertThatThrownBy(() -> Skopeo.copy(Skopeo.oci(dir.resolve("single")), registry, "team-b/app:1",
                    PushAuth.of("alice", "pw-a"), false)).hasMessageContaining("skopeo copy failed");
            assertThat(tokens.tokenRequests()).isPositive();
            assertThat(tokens.requests()).anySatisfy(r -> assertThat(r.header("authorization")).isPresent());

            HttpClient client = Http.client(CA.trustingSslContext());
            HttpResponse<byte[]> challenge = manifest(client, registry.baseUrl(), "team-a/app", "1", null);
            assertThat(challenge.statusCode()).isEqualTo(401);
            assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"" + tokens.realm()
                    + "\",service=\"" + tokens.service() + "\",scope=\"repository:team-a/app:pull\"");

            String aliceToken = token(client, tokens, "alice", "pw-a", "repository:team-a/app:pull");
            HttpResponse<byte[]> ok = manifest(client, registry.baseUrl(), "team-a/app", "1", "Bearer " + aliceToken);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
            String multiToken = token(client, tokens, "alice", "pw-a", "repository:team-a/multi:pull");
            HttpResponse<byte[]> index = manifest(client, registry.baseUrl(), "team-a/multi", "1", "Bearer " + multiToken);
            assertThat(index.headers().firstValue("Content-Type")).hasValue(OCI_INDEX);
            assertThat(Http.json(index).get("manifests")).hasSize(3);

            String eveToken = token(client, tokens, "eve", "pw-e", "repository:team-a/app:pull");
            assertThat(Http.claims(eveToken).get("access")).isEmpty();
            HttpResponse<byte[]> denied = manifest(client, registry.baseUrl(), "team-a/app", "1", "Bearer " + eveToken);
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(denied.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\"");

            tokens.setIssueExpiredTokens(true);
            String expired = token(client, tokens, "alice", "pw-a", "repository:team-a/app:pull");
            HttpResponse<byte[]> rejected = manifest(client, registry.baseUrl(), "team-a/app", "1", "Bearer " + expired);
            assertThat(rejected.statusCode()).isEqualTo(401);
            assertThat(rejected.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"invalid_token\"");
        }
    }

    @Test
    void tokenSignedByAnotherCaIsRejected() {
        try (TokenService trusted = TokenService.builder(CA).user("a", "p").grant("a", "*", "*").start();
             TokenService rogue = TokenService.builder(TestCa.create()).user("a", "p").grant("a", "*", "*").start();
             LocalRegistry registry = LocalRegistry.builder().token(trusted).start()) {
            HttpClient client = Http.client(rogue.ca().trustingSslContext());
            String forged = token(client, rogue, "a", "p", "repository:x/y:pull");
            HttpResponse<byte[]> response = manifest(Http.client(), registry.baseUrl(), "x/y", "1", "Bearer " + forged);
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void startupFailureReportsTheLog() {
        LocalRegistry.Builder builder = LocalRegistry.builder()
                .tls(new IssuedCert(CA.certificate(), TestCa.create().issueSigning("mismatch").privateKey()));
        assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("docker-registry exited").hasMessageContaining("log:");
    }

    static HttpResponse<byte[]> manifest(HttpClient client, String baseUrl, String repo, String reference,
                                         String authorization) {
        String url = baseUrl + "/v2/" + repo + "/manifests/" + reference;
        return authorization == null
                ? Http.get(client, url, "Accept", Http.ACCEPT_ALL_MANIFESTS)
                : Http.get(client, url, "Accept", Http.ACCEPT_ALL_MANIFESTS, "Authorization", authorization);
    }

    static String token(HttpClient client, TokenService tokens, String user, String password, String scope) {
        HttpResponse<byte[]> response = Http.get(client,
                tokens.realm() + "?service=" + tokens.service() + "&scope=" + scope,
                "Authorization", Http.basic(user, password));
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response).get("token").asText();
    }
}
