package io.stella.registry.auth.sources;

import static io.stella.registry.auth.sources.NoSecretLeaks.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialSourceTest {

    @TempDir
    Path dir;

    private HelperScripts helpers;

    @BeforeEach
    void writeHelpers() throws IOException {
        helpers = new HelperScripts(dir.resolve("bin")).good().none().broken();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private DockerConfigCredentialSource sourceOf(Path... files) {
        return new DockerConfigCredentialSource(List.of(files), helpers.client());
    }

    private static Credential.UsernamePassword basic(String user, String password) {
        return new Credential.UsernamePassword(user, Secret.of(password));
    }

    // --- which files, in which order

    @Test
    void candidateFilesFollowPodmanThenDocker() {
        Path home = Path.of("/home/u");
        Map<String, String> env = Map.of(
                "REGISTRY_AUTH_FILE", "/etc/auth/registry.json",
                "XDG_RUNTIME_DIR", "/run/user/1000",
                "XDG_CONFIG_HOME", "/home/u/cfg",
                "DOCKER_CONFIG", "/opt/docker");

        assertThat(DockerConfigCredentialSource.candidateFiles(Optional.empty(), env, home)).containsExactly(
                Path.of("/etc/auth/registry.json"),
                Path.of("/run/user/1000/containers/auth.json"),
                Path.of("/home/u/cfg/containers/auth.json"),
                Path.of("/opt/docker/config.json"));
        assertThat(DockerConfigCredentialSource.candidateFiles(Optional.empty(), Map.of(), home)).containsExactly(
                Path.of("/home/u/.config/containers/auth.json"),
                Path.of("/home/u/.docker/config.json"));
        assertThat(DockerConfigCredentialSource.candidateFiles(Optional.of(Path.of("/tmp/pull-secret.yaml")), env, home))
                .as("--auth-file replaces all the others")
                .containsExactly(Path.of("/tmp/pull-secret.yaml"));
    }

    @Test
    void firstFileWithAnEntryWinsAndLaterFilesAreTheFallback() throws IOException {
        Path podman = file("run/containers/auth.json", """
                {"auths": {"quay.io": {"auth": "%s"}}}
                """.formatted(base64("podman-user:podman-pass")));
        Path docker = file("home/.docker/config.json", """
                {"auths": {
                  "quay.io": {"auth": "%s"},
                  "ghcr.io": {"auth": "%s"}
                }}
                """.formatted(base64("docker-user:docker-pass"), base64("gh-user:gh-pass")));
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.resolve("run").toString(), "PATH", helpers.bin().toString());
        DockerConfigCredentialSource source = DockerConfigCredentialSource.fromEnvironment(Optional.empty(), env, dir.resolve("home"));

        ResolvedCredential quay = source.lookup("quay.io").orElseThrow();
        assertThat(quay.credential()).isEqualTo(basic("podman-user", "podman-pass"));
        assertThat(quay.origin()).isEqualTo(new CredentialOrigin("auth-file", podman + " auths[\"quay.io\"]"));

        ResolvedCredential ghcr = source.lookup("ghcr.io").orElseThrow();
        assertThat(ghcr.credential()).isEqualTo(basic("gh-user", "gh-pass"));
        assertThat(ghcr.origin().detail()).isEqualTo(docker + " auths[\"ghcr.io\"]");

        assertThat(source.lookup("gcr.io")).isEmpty();
        assertThat(source.describe()).contains(podman.toString()).contains(docker.toString());
    }

    @Test
    void authFileIsExclusive() throws IOException {
        file("home/.docker/config.json", """
                {"auths": {"ghcr.io": {"auth": "%s"}}}
                """.formatted(base64("gh-user:gh-pass")));
        Path authFile = file("ci/auth.json", """
                {"auths": {"quay.io": {"auth": "%s"}}}
                """.formatted(base64("ci-user:ci-pass")));
        DockerConfigCredentialSource source = DockerConfigCredentialSource.fromEnvironment(
                Optional.of(authFile), Map.of(), dir.resolve("home"));

        assertThat(source.lookup("quay.io")).map(ResolvedCredential::credential).contains(basic("ci-user", "ci-pass"));
        assertThat(source.lookup("ghcr.io")).isEmpty();
    }

    @Test
    void missingAuthFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope.json");

        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> DockerConfigCredentialSource.fromEnvironment(Optional.of(missing), Map.of(), dir));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void missingDefaultFilesMeanNoCredentials() {
        DockerConfigCredentialSource source = DockerConfigCredentialSource.fromEnvironment(Optional.empty(), Map.of(), dir);

        assertThat(source.lookup("docker.io")).isEmpty();
        assertThat(source.describe()).contains("(absent)");
    }

    // --- what an auths entry holds

    @Test
    void entryFormsBecomeTheMatchingCredential() throws IOException {
        Path config = file("config.json", """
                {"auths": {
                  "basic.example.com": {"auth": "%s"},
                  "fields.example.com": {"username": "field-user", "password": "field-pass"},
                  "idtoken.example.com": {"auth": "%s", "identitytoken": "refresh-123"},
                  "regtoken.example.com": {"registrytoken": "bearer-456"},
                  "colon.example.com": {"auth": "%s"},
                  "unpadded.example.com": {"auth": "%s"}
                }}
                """.formatted(base64("alice:s3cret"), base64("<token>:"), base64("bob:pa:ss:word"),
                base64("carol:pw1").replace("=", "")));
        DockerConfigCredentialSource source = sourceOf(config);

        assertThat(credentialFor(source, "basic.example.com")).isEqualTo(basic("alice", "s3cret"));
        assertThat(credentialFor(source, "fields.example.com")).isEqualTo(basic("field-user", "field-pass"));
        assertThat(credentialFor(source, "idtoken.example.com"))
                .isEqualTo(new Credential.IdentityToken("<token>", Secret.of("refresh-123")));
        assertThat(credentialFor(source, "regtoken.example.com"))
                .isEqualTo(new Credential.RegistryToken(Secret.of("bearer-456")));
        assertThat(credentialFor(source, "colon.example.com"))
                .as("only the first colon separates user and password")
                .isEqualTo(basic("bob", "pa:ss:word"));
        assertThat(credentialFor(source, "unpadded.example.com")).isEqualTo(basic("carol", "pw1"));
    }

    @Test
    void entryWithoutAUsableCredentialIsNoEntry() throws IOException {
        Path first = file("first.json", """
                {"auths": {
                  "quay.io": {},
                  "ghcr.io": {"auth": ""},
                  "gcr.io": {"username": "only-a-user"}
                }}
                """);
        Path second = file("second.json", """
                {"auths": {"quay.io": {"auth": "%s"}}}
                """.formatted(base64("fallback:pw")));
        DockerConfigCredentialSource source = sourceOf(first, second);

        assertThat(credentialFor(source, "quay.io")).isEqualTo(basic("fallback", "pw"));
        assertThat(source.lookup("ghcr.io")).isEmpty();
        assertThat(source.lookup("gcr.io")).isEmpty();
    }

    @Test
    void keysMatchAsDockerMatchesThem() throws IOException {
        Path config = file("config.json", """
                {"auths": {
                  "https://index.docker.io/v1/": {"auth": "%s"},
                  "https://legacy.example.com:5000/v1/": {"auth": "%s"},
                  "http://127.0.0.1:5000": {"auth": "%s"},
                  "127.0.0.1:5000": {"auth": "%s"}
                }}
                """.formatted(base64("hub:hubpw"), base64("legacy:legacypw"), base64("loose:loosepw"),
                base64("exact:exactpw")));
        DockerConfigCredentialSource source = sourceOf(config);

        assertThat(credentialFor(source, "docker.io")).isEqualTo(basic("hub", "hubpw"));
        assertThat(credentialFor(source, "registry-1.docker.io")).isEqualTo(basic("hub", "hubpw"));
        assertThat(credentialFor(source, "legacy.example.com:5000")).isEqualTo(basic("legacy", "legacypw"));
        assertThat(credentialFor(source, "127.0.0.1:5000")).as("the exact key wins").isEqualTo(basic("exact", "exactpw"));
        assertThat(source.lookup("127.0.0.1:5000").orElseThrow().origin().detail())
                .isEqualTo(config + " auths[\"127.0.0.1:5000\"]");
        assertThat(source.lookup("legacy.example.com")).as("a different port is a different registry").isEmpty();
        assertThat(source.lookup("docker.io").orElseThrow().origin().detail())
                .isEqualTo(config + " auths[\"https://index.docker.io/v1/\"]");
    }

    @Test
    void dockerHubAliasKeysMatchDockerIo() throws IOException {
        Path config = file("config.json", """
                {"auths": {"registry-1.docker.io": {"auth": "%s"}}}
                """.formatted(base64("hub:pw")));

        assertThat(credentialFor(sourceOf(config), "docker.io")).isEqualTo(basic("hub", "pw"));
    }

    @Test
    void resolvedCredentialsNeverShowTheirSecrets() throws IOException {
        Path config = file("config.json", """
                {"auths": {
                  "a.example.com": {"auth": "%s"},
                  "b.example.com": {"identitytoken": "idtok-secret-1"},
                  "c.example.com": {"registrytoken": "regtok-secret-2"}
                }}
                """.formatted(base64("user:pw-secret-0")));
        DockerConfigCredentialSource source = sourceOf(config);

        for (String host : List.of("a.example.com", "b.example.com", "c.example.com")) {
            assertNoSecretIn(source.lookup(host).orElseThrow(), "pw-secret-0", "idtok-secret-1", "regtok-secret-2");
        }
    }

    // --- malformed files

    @Test
    void malformedJsonNamesFileAndLineButNoContent() throws IOException {
        Path config = file("config.json", """
                {"auths": {
                  "quay.io": {"auth": "c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M="}
                  "ghcr.io": {"auth": unquoted-secret-value}
                }}
                """);

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> sourceOf(config).lookup("quay.io"));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(config.toString()).contains("not valid JSON").contains("line 3");
        assertNoSecretIn(failure, "unquoted-secret-value", "c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M=");
    }

    @Test
    void malformedBase64NamesTheKey() throws IOException {
        Path config = file("config.json", """
                {"auths": {"quay.io": {"auth": "not*base64!secretish"}}}
                """);

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> sourceOf(config).lookup("ghcr.io"));

        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(config.toString()).contains("auths[\"quay.io\"].auth").contains("base64");
        assertThat(failure.evidence()).containsEntry("key", "auths[\"quay.io\"].auth");
        assertNoSecretIn(failure, "not*base64!secretish");
    }

    @Test
    void authWithoutColonIsAnError() throws IOException {
        Path config = file("config.json", """
                {"auths": {"quay.io": {"auth": "%s"}}}
                """.formatted(base64("just-a-secret-token")));

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> sourceOf(config).lookup("quay.io"));

        assertThat(failure.getMessage()).contains("auths[\"quay.io\"].auth").contains("username:password");
        assertNoSecretIn(failure, "just-a-secret-token", base64("just-a-secret-token"));
    }

    @Test
    void wrongShapesAreErrorsNamingTheKey() throws IOException {
        RegistryException authsNotObject = catchThrowableOfType(RegistryException.class,
                () -> sourceOf(file("a.json", "{\"auths\": [\"quay.io\"]}")).lookup("quay.io"));
        assertThat(authsNotObject.getMessage()).contains("auths").contains("must be an object");

        RegistryException authNotString = catchThrowableOfType(RegistryException.class,
                () -> sourceOf(file("b.json", "{\"auths\": {\"quay.io\": {\"auth\": 42}}}")).lookup("quay.io"));
        assertThat(authNotString.getMessage()).contains("auths[\"quay.io\"].auth").contains("must be a string");

        RegistryException badHelper = catchThrowableOfType(RegistryException.class,
                () -> sourceOf(file("c.json", "{\"credHelpers\": {\"quay.io\": \"../evil\"}}")).lookup("quay.io"));
        assertThat(badHelper.getMessage()).contains("credHelpers[\"quay.io\"]").contains("credential helper");

        RegistryException topLevelArray = catchThrowableOfType(RegistryException.class,
                () -> sourceOf(file("d.json", "[]")).lookup("quay.io"));
        assertThat(topLevelArray.code()).isEqualTo(FailureCode.CONFIG_INVALID);
    }

    @Test
    void emptyFileHasNoCredentials() throws IOException {
        assertThat(sourceOf(file("empty.json", "\n")).lookup("quay.io")).isEmpty();
    }

    // --- credential helpers

    @Test
    void credHelpersAreAskedForTheirRegistryAndCredsStoreForTheRest() throws IOException {
        Path config = file("config.json", """
                {
                  "auths": {"inline.example.com": {"auth": "%s"}},
                  "credHelpers": {"harbor.example.com": "good", "quay.io": "broken"},
                  "credsStore": "none"
                }
                """.formatted(base64("inline:inlinepw")));
        DockerConfigCredentialSource source = sourceOf(config);

        ResolvedCredential harbor = source.lookup("harbor.example.com").orElseThrow();
        assertThat(harbor.credential()).isEqualTo(basic("helper-user", HelperScripts.HELPER_SECRET));
        assertThat(harbor.origin()).isEqualTo(new CredentialOrigin("credential-helper",
                "docker-credential-good (credHelpers in " + config + ")"));
        assertThat(helpers.lastRequest("good")).isEqualTo("harbor.example.com");

        assertThat(credentialFor(source, "inline.example.com")).isEqualTo(basic("inline", "inlinepw"));
        assertThat(source.lookup("ghcr.io")).as("credsStore 'none' has nothing").isEmpty();

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> source.lookup("quay.io"));
        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("docker-credential-broken");
        assertThat(failure.evidence()).containsEntry("configured_by", "credHelpers in " + config);
    }

    @Test
    void credsStoreIsAskedForEveryRegistryWithoutItsOwnHelper() throws IOException {
        Path config = file("config.json", """
                {"auths": {"https://index.docker.io/v1/": {}}, "credsStore": "good"}
                """);

        ResolvedCredential hub = sourceOf(config).lookup("docker.io").orElseThrow();

        assertThat(hub.credential()).isEqualTo(new Credential.IdentityToken("", Secret.of(HelperScripts.HUB_TOKEN)));
        assertThat(hub.origin().detail()).isEqualTo("docker-credential-good (credsStore in " + config + ")");
        assertThat(helpers.lastRequest("good")).isEqualTo("https://index.docker.io/v1/");
    }

    @Test
    void helperWithoutCredentialsPassesOnToTheInlineEntryAndLaterFiles() throws IOException {
        Path first = file("first.json", """
                {"auths": {"quay.io": {"auth": "%s"}}, "credHelpers": {"quay.io": "none", "ghcr.io": "none"}}
                """.formatted(base64("inline:pw")));
        Path second = file("second.json", """
                {"auths": {"ghcr.io": {"auth": "%s"}}}
                """.formatted(base64("second:pw2")));
        DockerConfigCredentialSource source = sourceOf(first, second);

        assertThat(credentialFor(source, "quay.io")).isEqualTo(basic("inline", "pw"));
        assertThat(credentialFor(source, "ghcr.io")).isEqualTo(basic("second", "pw2"));
    }

    @Test
    void missingCredsStoreHelperIsNamed() throws IOException {
        Path config = file("config.json", "{\"credsStore\": \"desktop\"}");

        RegistryException failure = catchThrowableOfType(RegistryException.class, () -> sourceOf(config).lookup("docker.io"));

        assertThat(failure.code()).isEqualTo(FailureCode.AUTH_HELPER_FAILED);
        assertThat(failure.getMessage()).contains("docker-credential-desktop is not installed or not on PATH");
        assertThat(failure.evidence()).containsEntry("configured_by", "credsStore in " + config);
    }

    @Test
    void realDebianPassAsCredsStoreHasNothingWithoutAStore() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-credential-pass")), "docker-credential-pass is installed");
        Path config = file("config.json", """
                {"auths": {"quay.io": {"auth": "%s"}}, "credsStore": "pass"}
                """.formatted(base64("inline:pw")));
        CredentialHelperClient client = new CredentialHelperClient(List.of(Path.of("/usr/bin")),
                Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), Duration.ofSeconds(20));
        DockerConfigCredentialSource source = new DockerConfigCredentialSource(List.of(config), client);

        assertThat(source.lookup("harbor.example.com")).isEmpty();
        assertThat(credentialFor(source, "quay.io")).isEqualTo(basic("inline", "pw"));
    }

    // --- Kubernetes pull secrets as --auth-file

    @Test
    void rawDockerConfigJsonFromASecret() throws IOException {
        Path raw = file("dockerconfig.json", """
                {"auths":{"registry.example.com":{"username":"k8s","password":"k8spw","auth":"%s"}}}
                """.formatted(base64("k8s:k8spw")));

        assertThat(credentialFor(DockerConfigCredentialSource.fromEnvironment(Optional.of(raw), Map.of(), dir),
                "registry.example.com")).isEqualTo(basic("k8s", "k8spw"));
    }

    @Test
    void secretManifestInJsonWithBase64Data() throws IOException {
        String dockerConfig = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + base64("json:jsonpw") + "\"}}}";
        Path secret = file("secret.json", """
                {
                  "apiVersion": "v1",
                  "kind": "Secret",
                  "metadata": {"name": "pull-secret", "namespace": "apps"},
                  "type": "kubernetes.io/dockerconfigjson",
                  "data": {".dockerconfigjson": "%s"}
                }
                """.formatted(base64(dockerConfig)));

        ResolvedCredential found = DockerConfigCredentialSource.fromEnvironment(Optional.of(secret), Map.of(), dir)
                .lookup("registry.example.com").orElseThrow();

        assertThat(found.credential()).isEqualTo(basic("json", "jsonpw"));
        assertThat(found.origin().detail())
                .isEqualTo(secret + " data[\".dockerconfigjson\"].auths[\"registry.example.com\"]");
    }

    @Test
    void secretManifestInYamlWithBase64Data() throws IOException {
        String dockerConfig = "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + base64("yaml:yamlpw") + "\"}}}";
        Path secret = file("secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: pull-secret
                type: kubernetes.io/dockerconfigjson
                data:
                  .dockerconfigjson: %s
                """.formatted(base64(dockerConfig)));

        assertThat(credentialFor(DockerConfigCredentialSource.fromEnvironment(Optional.of(secret), Map.of(), dir),
                "127.0.0.1:5000")).isEqualTo(basic("yaml", "yamlpw"));
    }

    @Test
    void secretManifestWithStringData() throws IOException {
        Path secret = file("secret.yaml", """
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/dockerconfigjson
                stringData:
                  .dockerconfigjson: |
                    {"auths": {"ghcr.io": {"username": "plain", "password": "plainpw"}}}
                """);

        assertThat(credentialFor(DockerConfigCredentialSource.fromEnvironment(Optional.of(secret), Map.of(), dir),
                "ghcr.io")).isEqualTo(basic("plain", "plainpw"));
    }

    @Test
    void otherManifestsAndBrokenSecretsAreErrors() throws IOException {
        RegistryException configMap = lookupFailure(file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {}\n"));
        assertThat(configMap.getMessage()).contains("ConfigMap").contains("not a Secret");

        RegistryException opaque = lookupFailure(file("opaque.yaml", "apiVersion: v1\nkind: Secret\ntype: Opaque\ndata: {}\n"));
        assertThat(opaque.getMessage()).contains("'Opaque'").contains("kubernetes.io/dockerconfigjson");

        RegistryException noData = lookupFailure(file("nodata.yaml",
                "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata: {}\n"));
        assertThat(noData.getMessage()).contains("data[\".dockerconfigjson\"]").contains("missing");

        RegistryException badBase64 = lookupFailure(file("bad64.yaml",
                "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: \"%%%secret%%%\"\n"));
        assertThat(badBase64.getMessage()).contains("data[\".dockerconfigjson\"]").contains("base64");
        assertNoSecretIn(badBase64, "%%%secret%%%");

        RegistryException badInnerJson = lookupFailure(file("badjson.yaml",
                "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: "
                        + base64("{\"auths\": {oops-secret}") + "\n"));
        assertThat(badInnerJson.getMessage()).contains("data[\".dockerconfigjson\"]").contains("not valid JSON");
        assertNoSecretIn(badInnerJson, "oops-secret");
    }

    private RegistryException lookupFailure(Path authFile) {
        RegistryException failure = catchThrowableOfType(RegistryException.class,
                () -> DockerConfigCredentialSource.fromEnvironment(Optional.of(authFile), Map.of(), dir).lookup("ghcr.io"));
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo(FailureCode.CONFIG_INVALID);
        assertThat(failure.getMessage()).contains(authFile.toString());
        return failure;
    }

    private static Credential credentialFor(DockerConfigCredentialSource source, String host) {
        return source.lookup(host).map(ResolvedCredential::credential).orElseThrow(
                () -> new AssertionError("no credential for " + host));
    }
}
