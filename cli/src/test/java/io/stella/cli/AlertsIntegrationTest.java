package io.stella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ScannerRegistryAuthFailed through the CLI against the real Basic-auth registry: raised once with a POST to the
 * configured webhook (received by a local HTTP receiver), not posted again while it fires, resolved with a second
 * POST when the registry accepts the credentials again.
 */
class AlertsIntegrationTest extends CliIntegrationTestBase {
    private HttpServer receiver;
    private final List<String> posts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks/stella", exchange -> {
            posts.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private Cli configured(String webhook, String password) throws Exception {
        Cli cli = Cli.in(dir).withEnv("ALICE_PASSWORD", password);
        Files.writeString(cli.stellaHome().resolve("config.yaml"), """
                registries:
                  - name: basic
                    url: %s
                    credentials:
                      username: alice
                      password_env: ALICE_PASSWORD
                alerts:
                  webhook_url: %s
                """.formatted(r.registry(Mode.BASIC).host(), webhook));
        return cli;
    }

    private String webhook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/stella";
    }

    @Test
    void anAuthFailureRaisesTheAlertOnceAndRecoveryResolvesIt() throws Exception {
        String image = r.image(Mode.BASIC, Registries.APP);
        String host = r.registry(Mode.BASIC).host();

        CliResult failed = configured(webhook(), Registries.WRONG_PASSWORD).run("scan", "image", image, "--dry-run");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(posts).hasSize(1);
        JsonNode raised = new ObjectMapper().readTree(posts.get(0).substring("POST ".length()));
        assertThat(raised.path("alert").asText()).isEqualTo("ScannerRegistryAuthFailed");
        assertThat(raised.path("status").asText()).isEqualTo("firing");
        assertThat(raised.path("registry").asText()).isEqualTo(host);
        assertThat(raised.path("code").asText()).isEqualTo("AUTH_INVALID_CREDENTIALS");
        assertThat(raised.path("hint").asText()).isNotBlank();
        assertThat(raised.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(posts.get(0)).doesNotContain(Registries.WRONG_PASSWORD).doesNotContain(Registries.BASIC_ALICE_PASSWORD);
        CliResult logged = configured(webhook(), Registries.WRONG_PASSWORD)
                .run("scanner", "logs", "--filter", "ScannerRegistryAuthFailed raised", "--level", "warn");
        assertThat(logged.out()).contains("[alerts]").contains("registry=" + host).contains("alert_status=firing");

        CliResult again = configured(webhook(), Registries.WRONG_PASSWORD).run("registry", "test", host);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(posts).as("still firing: not posted again").hasSize(1);

        CliResult recovered = configured(webhook(), Registries.BASIC_ALICE_PASSWORD).run("scan", "image", image, "--dry-run");
        assertThat(recovered.exitCode()).as(recovered.toString()).isZero();
        assertThat(posts).hasSize(2);
        JsonNode resolved = new ObjectMapper().readTree(posts.get(1).substring("POST ".length()));
        assertThat(resolved.path("alert").asText()).isEqualTo("ScannerRegistryAuthFailed");
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("registry").asText()).isEqualTo(host);

        CliResult quiet = configured(webhook(), Registries.BASIC_ALICE_PASSWORD).run("scan", "image", image, "--dry-run");
        assertThat(quiet.exitCode()).isZero();
        assertThat(posts).as("nothing fires, nothing to resolve").hasSize(2);
    }

    @Test
    void aTokenThatExpiresWithinADayRaisesCredentialExpiringSoon() throws Exception {
        String repository = Registries.APP.substring(0, Registries.APP.indexOf(':'));
        String credentials = java.util.Base64.getEncoder().encodeToString(
                ("alice:" + Registries.TOKEN_ALICE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpClient https = java.net.http.HttpClient.newBuilder().sslContext(r.ca.trustingSslContext()).build();
        String tokenJson = https.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(r.tokens.realm()
                                + "?service=" + r.tokens.service() + "&scope=repository:" + repository + ":pull"))
                        .header("Authorization", "Basic " + credentials).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = new ObjectMapper().readTree(tokenJson).path("token").asText();
        Secrets.secret(token);
        Cli cli = Cli.in(dir);
        Files.createDirectories(cli.home().resolve(".docker"));
        Files.writeString(cli.home().resolve(".docker/config.json"), "{\"auths\":{\"" + r.registry(Mode.TOKEN).host()
                + "\":{\"registrytoken\":\"" + token + "\"}}}");
        Files.writeString(cli.stellaHome().resolve("config.yaml"), "alerts:\n  webhook_url: " + webhook() + "\n");

        CliResult result = cli.run("scan", "image", r.image(Mode.TOKEN, Registries.APP), "--dry-run",
                "--ca-cert", r.caPem.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(posts).hasSize(1);
        JsonNode alert = new ObjectMapper().readTree(posts.get(0).substring("POST ".length()));
        assertThat(alert.path("alert").asText()).isEqualTo("ScannerCredentialExpiringSoon");
        assertThat(alert.path("status").asText()).isEqualTo("firing");
        assertThat(alert.path("message").asText()).contains("expires at");
        assertThat(posts.get(0)).doesNotContain(token);
    }

    @Test
    void aWebhookThatIsDownIsAWarningAndTheCommandKeepsItsOwnResult() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliResult failed = configured("http://127.0.0.1:" + closedPort + "/hooks/stella", Registries.WRONG_PASSWORD)
                .run("scan", "image", r.image(Mode.BASIC, Registries.APP), "--dry-run");

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(failed.err()).contains("AUTH_INVALID_CREDENTIALS")
                .contains("alert ScannerRegistryAuthFailed (firing) for " + r.registry(Mode.BASIC).host()
                        + " could not be posted to the webhook");
    }
}
