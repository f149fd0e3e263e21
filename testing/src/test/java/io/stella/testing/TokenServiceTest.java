package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final TestCa CA = TestCa.create();
    private static TokenService tokens;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        tokens = TokenService.builder(CA)
                .user("alice", "secret")
                .user("bob", "hunter2")
                .grant("alice", "team-a", "pull", "push")
                .grant("bob", "*", "pull")
                .anonymousGrant("public", "pull")
                .catalogUser("alice")
                .ttl(Duration.ofSeconds(2))
                .start();
        client = Http.client(CA.trustingSslContext());
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void getIssuesAnEs256TokenSignedByACertOfTheCa() throws Exception {
        HttpResponse<byte[]> response = Http.get(client,
                tokens.realm() + "?service=" + tokens.service() + "&scope=repository:team-a/app:pull,push",
                "Authorization", Http.basic("alice", "secret"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        String jwt = body.get("token").asText();
        assertThat(body.get("access_token").asText()).isEqualTo(jwt);
        assertThat(body.get("expires_in").asLong()).isEqualTo(2);
        assertThat(Instant.parse(body.get("issued_at").asText())).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(body.has("refresh_token")).isFalse();

        JsonNode header = Http.jwtHeader(jwt);
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(header.get("x5c").get(0).asText())));
        signer.verify(CA.certificate().getPublicKey());

        String[] parts = jwt.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(signer.getPublicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(parts[2]).doesNotContain("=");

        JsonNode claims = Http.claims(jwt);
        assertThat(claims.get("iss").asText()).isEqualTo(tokens.issuer());
        assertThat(claims.get("sub").asText()).isEqualTo("alice");
        assertThat(claims.get("aud").asText()).isEqualTo(tokens.service());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(2);
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("access").toString())
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"team-a/app\",\"actions\":[\"pull\",\"push\"]}]");
    }

    @Test
    void scopesTheCallerLacksAreDropped() {
        JsonNode claims = Http.claims(token("bob", "hunter2",
                "scope=repository:team-a/app:pull,push,delete&scope=registry:catalog:*&scope=repository:x/y:pull"));
        assertThat(claims.get("access").toString()).isEqualTo("[{\"type\":\"repository\",\"name\":\"team-a/app\","
                + "\"actions\":[\"pull\"]},{\"type\":\"repository\",\"name\":\"x/y\",\"actions\":[\"pull\"]}]");

        JsonNode alice = Http.claims(token("alice", "secret", "scope=repository:team-b/app:pull&scope=registry:catalog:*"));
        assertThat(alice.get("access").toString())
                .isEqualTo("[{\"type\":\"registry\",\"name\":\"catalog\",\"actions\":[\"*\"]}]");
    }

    @Test
    void anonymousCallersGetPublicProjectsOnly() {
        HttpResponse<byte[]> response = Http.get(client, tokens.realm()
                + "?service=" + tokens.service() + "&scope=repository:public/app:pull,push&scope=repository:team-a/app:pull");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = Http.claims(Http.json(response).get("token").asText());
        assertThat(claims.get("sub").asText()).isEmpty();
        assertThat(claims.get("access").toString())
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"public/app\",\"actions\":[\"pull\"]}]");
    }

    @Test
    void wrongPasswordIsRefusedWithBasicChallenge() {
        int before = tokens.tokenRequests();
        HttpResponse<byte[]> response = Http.get(client, tokens.realm() + "?service=x&scope=repository:team-a/app:pull",
                "Authorization", Http.basic("alice", "wrong"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"token\"");
        assertThat(Http.json(response).get("errors").get(0).get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(tokens.tokenRequests()).isEqualTo(before + 1);
        assertThat(tokens.requests()).last().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/token");
            assertThat(r.header("AUTHORIZATION")).isPresent();
        });
    }

    @Test
    void offlineTokenAndRefreshGrant() {
        HttpResponse<byte[]> first = Http.get(client, tokens.realm() + "?service=" + tokens.service()
                        + "&scope=repository:team-a/app:pull&offline_token=true&client_id=stella",
                "Authorization", Http.basic("alice", "secret"));
        String refresh = Http.json(first).get("refresh_token").asText();
        assertThat(refresh).isNotBlank();

        HttpResponse<byte[]> refreshed = post("grant_type=refresh_token&refresh_token=" + refresh
                + "&service=" + tokens.service() + "&scope=" + enc("repository:team-a/app:pull repository:team-a/b:push"));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(refreshed);
        assertThat(body.get("refresh_token").asText()).isEqualTo(refresh);
        assertThat(Http.claims(body.get("access_token").asText()).get("access")).hasSize(2);

        tokens.revokeAllRefreshTokens();
        HttpResponse<byte[]> revoked = post("grant_type=refresh_token&refresh_token=" + refresh + "&service=s");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(Http.json(revoked).get("errors").get(0).get("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void passwordGrantWithOfflineAccessAndRotation() {
        HttpResponse<byte[]> ok = post("grant_type=password&username=bob&password=hunter2&service=s&client_id=c"
                + "&access_type=offline&scope=" + enc("repository:lib/x:pull"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Http.json(ok).get("refresh_token").asText()).isNotBlank();
        assertThat(Http.claims(Http.json(ok).get("token").asText()).get("aud").asText()).isEqualTo("s");

        tokens.setPassword("bob", "rotated");
        try {
            assertThat(post("grant_type=password&username=bob&password=hunter2&service=s").statusCode()).isEqualTo(401);
            HttpResponse<byte[]> rotated = post("grant_type=password&username=bob&password=rotated&service=s");
            assertThat(rotated.statusCode()).isEqualTo(200);
            assertThat(Http.json(rotated).has("refresh_token")).isFalse();
        } finally {
            tokens.setPassword("bob", "hunter2");
        }
    }

    @Test
    void expiredTokensAndTtlCanChangeWhileRunning() {
        tokens.setIssueExpiredTokens(true);
        try {
            JsonNode claims = Http.claims(token("alice", "secret", "scope=repository:team-a/app:pull"));
            assertThat(claims.get("exp").asLong()).isLessThan(Instant.now().minusSeconds(120).getEpochSecond());
        } finally {
            tokens.setIssueExpiredTokens(false);
        }
        tokens.setTtl(Duration.ofMinutes(7));
        try {
            HttpResponse<byte[]> response = Http.get(client, tokens.realm() + "?service=s");
            assertThat(Http.json(response).get("expires_in").asLong()).isEqualTo(420);
        } finally {
            tokens.setTtl(Duration.ofSeconds(2));
        }
    }

    @Test
    void postCanBeDisabledAndExpiresInOmitted() {
        try (TokenService restricted = TokenService.builder(CA).user("u", "p").disablePost(true).omitExpiresIn(true)
                .start()) {
            HttpResponse<byte[]> post = Http.send(client, HttpRequest.newBuilder(URI.create(restricted.realm()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=u&password=p")).build());
            assertThat(post.statusCode()).isEqualTo(405);
            HttpResponse<byte[]> get = Http.get(client, restricted.realm() + "?service=s",
                    "Authorization", Http.basic("u", "p"));
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(Http.json(get).has("expires_in")).isFalse();
            assertThat(restricted.tokenRequests()).isEqualTo(2);
        }
    }

    private static String token(String user, String password, String query) {
        HttpResponse<byte[]> response = Http.get(client, tokens.realm() + "?service=" + tokens.service() + "&" + query,
                "Authorization", Http.basic(user, password));
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response).get("token").asText();
    }

    private static HttpResponse<byte[]> post(String form) {
        return Http.send(client, HttpRequest.newBuilder(URI.create(tokens.realm()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
