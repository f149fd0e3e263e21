package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stella.testing.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every credential source of the README, end to end through the CLI: --username with --password-stdin or --password,
 * stella's config file (password_env, tls.ca_cert), ~/.docker/config.json, --auth-file with a Kubernetes Secret,
 * REGISTRY_AUTH_FILE, a credential helper on PATH, and a helper that is not installed. Each run's output names the
 * source that won.
 */
class CredentialSourcesIntegrationTest extends CliIntegrationTestBase {

    private static List<String> scanJson(Mode mode, String repoAndTag, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "image", r.image(mode, repoAndTag), "--dry-run",
                "--format", "json"));
        args.addAll(List.of(more));
        return args;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode ok(CliResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("status").asText()).isEqualTo("ok");
        return json;
    }

    @Test
    void usernameWithPasswordStdin() {
        CliResult result = Cli.in(dir).runWithStdin(Registries.BASIC_ALICE_PASSWORD + "\n",
                scanJson(Mode.BASIC, Registries.APP, "--username", "alice", "--password-stdin"));

        JsonNode auth = ok(result).path("auth");
        assertThat(auth.path("method").asText()).isEqualTo("basic");
        assertThat(auth.path("credential_source").asText()).isEqualTo("explicit (--username/--password-stdin)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void passwordOnTheCommandLineWorksWithAWarning() {
        CliResult result = Cli.in(dir).run("scan", "image", r.image(Mode.BASIC, Registries.APP), "--dry-run",
                "--username", "alice", "--password", Registries.BASIC_ALICE_PASSWORD);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).startsWith("warning: --password puts the password in shell history")
                .contains("--password-stdin");
        assertThat(result.out()).contains("Credential source: explicit (--username/--password)")
                .contains("Manifest digest:   " + r.appDigest());
    }

    @Test
    void stellaConfigWithPasswordEnvAndCaCert() throws IOException {
        Path config = Files.writeString(dir.resolve("stella.yaml"), """
                registries:
                  - name: harbor-test
                    url: %s
                    type: harbor
                    credentials:
                      username: alice
                      password_env: STELLA_IT_HARBOR_PASSWORD
                    tls:
                      ca_cert: %s
                """.formatted(r.url(Mode.TOKEN), r.caPem));
        Cli cli = Cli.in(dir).withEnv("STELLA_IT_HARBOR_PASSWORD", Registries.TOKEN_ALICE_PASSWORD);

        // no --ca-cert: the CA comes from the config entry
        JsonNode json = ok(cli.run(scanJson(Mode.TOKEN, Registries.ALPINE, "--config", config.toString())
                .toArray(String[]::new)));

        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.alpineDigest(Mode.TOKEN));
        JsonNode auth = json.path("auth");
        assertThat(auth.path("method").asText()).isEqualTo("bearer");
        assertThat(auth.path("credential_source").asText()).startsWith("stella-config (")
                .contains(config.toString()).contains("harbor-test").contains("password_env=STELLA_IT_HARBOR_PASSWORD");
        assertThat(auth.path("token_lifetime_seconds").asLong()).isEqualTo(Registries.TOKEN_TTL.toSeconds());
    }

    @Test
    void defaultStellaConfigFromStellaHome() throws IOException {
        Cli cli = Cli.in(dir).withEnv("STELLA_IT_BASIC_PASSWORD", Registries.BASIC_BOB_PASSWORD);
        Path config = Files.writeString(cli.stellaHome().resolve("config.yaml"), """
                registries:
                  - url: %s
                    credentials:
                      username: bob
                      password_env: STELLA_IT_BASIC_PASSWORD
                """.formatted(r.host(Mode.BASIC)));

        JsonNode auth = ok(cli.run(scanJson(Mode.BASIC, Registries.APP).toArray(String[]::new))).path("auth");

        assertThat(auth.path("credential_source").asText()).startsWith("stella-config (").contains(config.toString());
    }

    @Test
    void stellaConfigWithARelativePasswordFile() throws IOException {
        Path configDir = Files.createDirectories(dir.resolve("etc-stella"));
        Files.writeString(configDir.resolve("basic.password"), Registries.BASIC_ALICE_PASSWORD + "\n");
        Path config = Files.writeString(configDir.resolve("config.yaml"), """
                registries:
                  - name: basic-test
                    url: http://%s
                    credentials:
                      username: alice
                      password_file: basic.password
                """.formatted(r.host(Mode.BASIC)));

        JsonNode auth = ok(Cli.in(dir).run(scanJson(Mode.BASIC, Registries.APP, "--config", config.toString())
                .toArray(String[]::new))).path("auth");

        assertThat(auth.path("method").asText()).isEqualTo("basic");
        assertThat(auth.path("credential_source").asText())
                .isEqualTo("stella-config (" + config + " registries[basic-test] password_file="
                        + configDir.resolve("basic.password") + ")");
    }

    /** token_env: a bearer token sent as is, no token requests; the token itself never shows (Secrets check). */
    @Test
    void stellaConfigWithABearerTokenFromTheEnvironment() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .sslContext(r.ca.trustingSslContext()).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(r.tokens.realm()
                                + "?service=stella-test-registry&scope=repository:team/app:pull"))
                        .header("Authorization", "Basic " + base64("alice:" + Registries.TOKEN_ALICE_PASSWORD)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = Secrets.secret(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
                .path("token").asText());
        Path config = Files.writeString(dir.resolve("token.yaml"), """
                registries:
                  - url: %s
                    credentials:
                      token_env: STELLA_IT_TOKEN
                    tls:
                      ca_cert: %s
                """.formatted(r.url(Mode.TOKEN), r.caPem));

        CliResult result = Cli.in(dir).withEnv("STELLA_IT_TOKEN", token)
                .run(scanJson(Mode.TOKEN, Registries.APP, "--config", config.toString(), "--verbose")
                        .toArray(String[]::new));

        JsonNode json = ok(result);
        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.appDigest());
        assertThat(json.path("auth").path("method").asText()).isEqualTo("bearer");
        assertThat(json.path("auth").path("credential_source").asText()).contains("token_env=STELLA_IT_TOKEN");
        assertThat(json.path("auth").path("token_requests").asInt()).isZero();
    }

    @Test
    void dockerConfigJsonInHome() throws IOException {
        Cli cli = Cli.in(dir);
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, """
                {"auths": {"%s": {"auth": "%s"}}}
                """.formatted(r.host(Mode.BASIC), base64("bob:" + Registries.BASIC_BOB_PASSWORD)));

        CliResult result = cli.run(scanJson(Mode.BASIC, Registries.MULTI).toArray(String[]::new));

        JsonNode auth = ok(result).path("auth");
        assertThat(auth.path("method").asText()).isEqualTo("basic");
        assertThat(auth.path("credential_source").asText()).startsWith("auth-file (" + dockerConfig);
    }

    @Test
    void explicitCredentialsWinOverTheDockerConfig() throws IOException {
        Cli cli = Cli.in(dir);
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, """
                {"auths": {"%s": {"auth": "%s"}}}
                """.formatted(r.host(Mode.BASIC), base64("alice:" + Registries.WRONG_PASSWORD)));

        CliResult result = cli.runWithStdin(Registries.BASIC_ALICE_PASSWORD,
                scanJson(Mode.BASIC, Registries.APP, "--username", "alice", "--password-stdin"));

        assertThat(ok(result).path("auth").path("credential_source").asText())
                .isEqualTo("explicit (--username/--password-stdin)");
    }

    @Test
    void authFileWithAKubernetesDockerConfigJsonSecret() throws IOException {
        String dockerConfigJson = """
                {"auths":{"%s":{"username":"alice","password":"%s"}}}""".formatted(r.host(Mode.TOKEN),
                Registries.TOKEN_ALICE_PASSWORD);
        Path secret = Files.writeString(dir.resolve("regcred.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: regcred
                  namespace: scanners
                type: kubernetes.io/dockerconfigjson
                data:
                  .dockerconfigjson: %s
                """.formatted(base64(dockerConfigJson)));
        Secrets.secret(base64(dockerConfigJson));

        CliResult result = Cli.in(dir).run(scanJson(Mode.TOKEN, Registries.MULTI, "--auth-file", secret.toString(),
                "--ca-cert", r.caPem.toString(), "--platform", "linux/arm64").toArray(String[]::new));

        JsonNode json = ok(result);
        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.multiDigest("linux/arm64"));
        assertThat(json.path("auth").path("method").asText()).isEqualTo("bearer");
        assertThat(json.path("auth").path("credential_source").asText()).startsWith("auth-file (" + secret);
    }

    @Test
    void registryAuthFileEnvironmentVariable() throws IOException {
        Path authJson = Files.writeString(dir.resolve("auth.json"), """
                {"auths": {"%s": {"auth": "%s"}}}
                """.formatted(r.host(Mode.BASIC), base64("alice:" + Registries.BASIC_ALICE_PASSWORD)));

        CliResult result = Cli.in(dir).withEnv("REGISTRY_AUTH_FILE", authJson.toString())
                .run(scanJson(Mode.BASIC, Registries.ALPINE).toArray(String[]::new));

        JsonNode json = ok(result);
        assertThat(json.path("manifest_digest").asText()).isEqualTo(r.alpineDigest(Mode.BASIC));
        assertThat(json.path("auth").path("credential_source").asText()).startsWith("auth-file (" + authJson);
    }

    @Test
    void credentialHelperFromCredHelpersOnPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path request = bin.resolve("request.txt");
        Path helper = bin.resolve("docker-credential-stellatest");
        Files.writeString(helper, """
                #!/bin/sh
                [ "$1" = get ] || { echo "unsupported action $1" >&2; exit 3; }
                cat > "%s"
                printf '{"ServerURL":"%s","Username":"alice","Secret":"%s"}\\n'
                """.formatted(request, r.host(Mode.TOKEN), Registries.TOKEN_ALICE_PASSWORD));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Cli cli = Cli.in(dir).withPathPrefix(bin);
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, """
                {"auths": {}, "credHelpers": {"%s": "stellatest"}}
                """.formatted(r.host(Mode.TOKEN)));

        CliResult result = cli.run(scanJson(Mode.TOKEN, Registries.APP, "--ca-cert", r.caPem.toString())
                .toArray(String[]::new));

        JsonNode auth = ok(result).path("auth");
        assertThat(auth.path("method").asText()).isEqualTo("bearer");
        assertThat(auth.path("credential_source").asText())
                .startsWith("credential-helper (docker-credential-stellatest").contains(dockerConfig.toString());
        assertThat(Files.readString(request).strip()).as("server URL the helper was asked for")
                .isEqualTo(r.host(Mode.TOKEN));
    }

    @Test
    void credHelperThatIsNotInstalledIsAuthHelperFailed() throws IOException {
        Cli cli = Cli.in(dir);
        assertThat(cli.env().get("PATH").split(":"))
                .as("docker-credential-ecr-login must not be installed for this test")
                .noneMatch(d -> Files.exists(Path.of(d, "docker-credential-ecr-login")));
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, """
                {"credHelpers": {"%s": "ecr-login"}}
                """.formatted(r.host(Mode.BASIC)));

        CliResult text = cli.run("scan", "image", r.image(Mode.BASIC, Registries.APP), "--dry-run");
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(3);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).startsWith("AUTH_HELPER_FAILED:").contains("docker-credential-ecr-login")
                .contains("\nhint: ").contains(dockerConfig.toString());

        CliResult json = cli.run("scan", "image", r.image(Mode.BASIC, Registries.APP), "--dry-run", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(3);
        JsonNode error = json.error();
        assertThat(error.path("code").asText()).isEqualTo("AUTH_HELPER_FAILED");
        assertThat(error.path("message").asText()).contains("docker-credential-ecr-login");
        assertThat(error.path("hint").asText()).contains("docker-credential-ecr-login");
        assertThat(error.path("registry").asText()).isEqualTo(r.host(Mode.BASIC));
        assertThat(error.path("evidence").path("helper").asText()).isEqualTo("docker-credential-ecr-login");
    }

    /**
     * The CLI contacts only one registry per run, so "--username is for the image's registry only" is checked where
     * a run does reach another origin: the Basic registry redirects blob GETs/HEADs to a recording server on another
     * port (as registries do to object storage). The explicit credentials must authenticate the registry (the scan
     * succeeds with source "explicit") and must not reach the other origin.
     */
    @Test
    void explicitCredentialsGoToTheImageRegistryOnlyNotToTheBlobRedirectTarget() {
        int before = r.blobStore.requests().size();

        CliResult result = Cli.in(dir).runWithStdin(Registries.BASIC_ALICE_PASSWORD,
                scanJson(Mode.BASIC, Registries.MULTI, "--username", "alice", "--password-stdin"));

        JsonNode json = ok(result);
        assertThat(json.path("auth").path("credential_source").asText()).isEqualTo("explicit (--username/--password-stdin)");
        List<RecordedRequest> redirected = r.blobStore.requests().subList(before, r.blobStore.requests().size());
        String layer = json.path("layers").get(0).path("digest").asText().substring("sha256:".length());
        assertThat(redirected).as("the layer check followed the registry's redirect to the other origin")
                .anySatisfy(req -> assertThat(req.path()).contains(layer));
        assertThat(redirected).as("no credentials to another origin")
                .allSatisfy(req -> assertThat(req.header("authorization")).isEmpty());
    }

    /**
     * The target of {@code registry test} is the registry the explicit credentials are for: bob's credentials are
     * used for the Basic registry while alice's docker config entry for it is ignored.
     */
    @Test
    void registryTestUsesExplicitCredentialsForItsTarget() throws IOException {
        Cli cli = Cli.in(dir);
        Path dockerConfig = Files.createDirectories(cli.home().resolve(".docker")).resolve("config.json");
        Files.writeString(dockerConfig, """
                {"auths": {"%s": {"auth": "%s"}}}
                """.formatted(r.host(Mode.BASIC), base64("alice:" + Registries.WRONG_PASSWORD)));

        CliResult result = cli.runWithStdin(Registries.BASIC_BOB_PASSWORD, "registry", "test", r.url(Mode.BASIC),
                "--username", "bob", "--password-stdin");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("username-password from explicit (--username/--password-stdin)");
    }
}
