package io.stella.registry.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.stella.testing.TestCa;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the Entra ID (AAD) v2.0 token endpoint on 127.0.0.1 over HTTPS, speaking its wire format:
 * {@code POST /<tenant>/oauth2/v2.0/token} with the client-credentials grant (client secret, certificate
 * assertion, or federated assertion), answering JWT access tokens with {@code tid}/{@code oid}/{@code appid} or
 * the documented error JSON with its AADSTS code; plus the OpenID metadata and instance discovery documents MSAL
 * may ask for. It checks certificate assertions' signatures and federated tokens' issuer/subject.
 */
public final class AadStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** One token request as it arrived. */
    public record TokenRequest(String tenant, Map<String, String> form, Map<String, List<String>> headers) {
    }

    /** An app registration (service principal) in a tenant. */
    public static final class App {
        final String tenant;
        final String clientId;
        final String objectId;
        volatile String secret;
        volatile X509Certificate certificate;
        volatile String federatedIssuer;
        volatile String federatedSubject;

        App(String tenant, String clientId, String objectId) {
            this.tenant = tenant;
            this.clientId = clientId;
            this.objectId = objectId;
        }

        public App secret(String value) {
            this.secret = value;
            return this;
        }

        App certificate(X509Certificate value) {
            this.certificate = value;
            return this;
        }

        App federated(String issuer, String subject) {
            this.federatedIssuer = issuer;
            this.federatedSubject = subject;
            return this;
        }
    }

    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, String> issuedTo = new ConcurrentHashMap<>();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> otherRequests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpsServer server;
    private volatile long expiresIn = 3599;

    public AadStandIn(TestCa ca) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(
                ca.issueServer(List.of("127.0.0.1", "localhost")).serverSslContext()));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** What {@code AZURE_AUTHORITY_HOST} is set to: {@code https://127.0.0.1:PORT/}. */
    public String authorityHost() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public App app(String tenant, String clientId, String objectId) {
        App app = new App(tenant, clientId, objectId);
        apps.put(tenant + "/" + clientId, app);
        return app;
    }

    void setExpiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    List<String> otherRequests() {
        return List.copyOf(otherRequests);
    }

    /** The object id of the principal an access token of ours was issued to. */
    public Optional<String> principalOf(String accessToken) {
        return Optional.ofNullable(issuedTo.get(accessToken));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.substring(1).split("/");
            if (exchange.getRequestMethod().equals("POST") && segments.length == 4
                    && path.endsWith("/oauth2/v2.0/token")) {
                token(exchange, segments[0]);
                return;
            }
            otherRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            if (path.endsWith("/v2.0/.well-known/openid-configuration")) {
                String base = authorityHost() + segments[0];
                send(exchange, 200, Map.of(
                        "token_endpoint", base + "/oauth2/v2.0/token",
                        "authorization_endpoint", base + "/oauth2/v2.0/authorize",
                        "issuer", authorityHost() + segments[0] + "/v2.0",
                        "token_endpoint_auth_methods_supported",
                        List.of("client_secret_post", "private_key_jwt", "client_secret_basic")));
            } else if (path.endsWith("/discovery/instance")) {
                String host = authorityHost().replaceFirst("^https://", "").replaceFirst("/$", "");
                send(exchange, 200, Map.of(
                        "tenant_discovery_endpoint", authorityHost() + "common/v2.0/.well-known/openid-configuration",
                        "api-version", "1.1",
                        "metadata", List.of(Map.of("preferred_network", host, "preferred_cache", host,
                                "aliases", List.of(host)))));
            } else {
                send(exchange, 404, Map.of("error", "not_found"));
            }
        }
    }

    private void token(HttpExchange exchange, String tenant) throws IOException {
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        tokenRequests.add(new TokenRequest(tenant, form, headers));
        if (apps.keySet().stream().noneMatch(k -> k.startsWith(tenant + "/"))) {
            error(exchange, 400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you "
                    + "have the correct tenant ID and are signing into the correct cloud.");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(exchange, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
            return;
        }
        App app = apps.get(tenant + "/" + form.get("client_id"));
        if (app == null) {
            error(exchange, 400, "unauthorized_client", 700016, "Application with identifier '"
                    + form.get("client_id") + "' was not found in the directory '" + tenant + "'.");
            return;
        }
        if (form.containsKey("client_secret")) {
            if (app.secret == null || !app.secret.equals(form.get("client_secret"))) {
                error(exchange, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret "
                        + "being sent in the request is the client secret value, not the client secret ID, for a "
                        + "secret added to app '" + app.clientId + "'.");
                return;
            }
        } else if (ASSERTION_TYPE.equals(form.get("client_assertion_type")) && form.containsKey("client_assertion")) {
            Optional<String> refusal = checkAssertion(app, tenant, form.get("client_assertion"));
            if (refusal.isPresent()) {
                String[] codeAndText = refusal.get().split(":", 2);
                error(exchange, 401, "invalid_client", Integer.parseInt(codeAndText[0]), codeAndText[1]);
                return;
            }
        } else {
            error(exchange, 401, "invalid_client", 7000218, "The request body must contain the following parameter: "
                    + "'client_assertion' or 'client_secret'.");
            return;
        }
        String scope = form.getOrDefault("scope", "");
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", java.util.Arrays.stream(scope.split(" ")).filter(s -> s.endsWith("/.default")).findFirst()
                .orElse(scope).replace("/.default", ""));
        claims.put("iss", "https://sts.windows.net/" + tenant + "/");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(expiresIn).getEpochSecond());
        claims.put("appid", app.clientId);
        claims.put("idtyp", "app");
        claims.put("oid", app.objectId);
        claims.put("sub", app.objectId);
        claims.put("tid", tenant);
        claims.put("ver", "1.0");
        String token = URL.encodeToString(JSON.writeValueAsBytes(Map.of("typ", "JWT", "alg", "RS256",
                "kid", "stand-in"))) + "." + URL.encodeToString(JSON.writeValueAsBytes(claims)) + "."
                + URL.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        issuedTo.put(token, app.objectId);
        send(exchange, 200, Map.of("token_type", "Bearer", "expires_in", expiresIn, "ext_expires_in", expiresIn,
                "access_token", token));
    }

    /** Empty when the assertion is good; else "AADSTS code:description". */
    private Optional<String> checkAssertion(App app, String tenant, String assertion) {
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return Optional.of("50027:JWT token is invalid or malformed.");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (app.federatedIssuer != null && !header.has("x5t") && !header.has("x5t#S256")) {
                if (claims.path("exp").asLong() <= Instant.now().getEpochSecond()) {
                    return Optional.of("700024:Client assertion is not within its valid time range. Current time: "
                            + Instant.now() + ", assertion valid to: " + Instant.ofEpochSecond(claims.path("exp").asLong())
                            + ".");
                }
                boolean matches = app.federatedIssuer.equals(claims.path("iss").asText())
                        && app.federatedSubject.equals(claims.path("sub").asText());
                return matches ? Optional.empty() : Optional.of("70021:No matching federated identity record found "
                        + "for presented assertion. Assertion Issuer: '" + claims.path("iss").asText()
                        + "'. Assertion Subject: '" + claims.path("sub").asText() + "'. Assertion Audience: '"
                        + claims.path("aud").asText() + "'.");
            }
            if (app.certificate == null || !thumbprintMatches(header, app.certificate)) {
                return Optional.of("700027:Client assertion failed signature validation. Reason - The key was not "
                        + "found.");
            }
            Signature verifier = switch (header.path("alg").asText()) {
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield pss;
                }
                default -> throw new IllegalArgumentException("alg " + header.path("alg").asText());
            };
            verifier.initVerify(app.certificate.getPublicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.of("700027:Client assertion failed signature validation.");
            }
            boolean audienceOk = claims.path("aud").asText().equals(authorityHost() + tenant + "/oauth2/v2.0/token");
            boolean issuerOk = app.clientId.equals(claims.path("iss").asText())
                    && app.clientId.equals(claims.path("sub").asText());
            return audienceOk && issuerOk ? Optional.empty()
                    : Optional.of("700021:Client assertion application identifier doesn't match 'client_id' "
                            + "parameter or audience is wrong: aud " + claims.path("aud").asText());
        } catch (Exception e) {
            return Optional.of("50027:JWT token is invalid or malformed: " + e);
        }
    }

    /** MSAL sends x5t#S256 in standard base64 with padding; the RFC says base64url: compare the bytes. */
    private static boolean thumbprintMatches(JsonNode header, X509Certificate certificate) throws Exception {
        byte[] der = certificate.getEncoded();
        if (header.has("x5t#S256")) {
            return MessageDigest.isEqual(lenientBase64(header.get("x5t#S256").asText()),
                    MessageDigest.getInstance("SHA-256").digest(der));
        }
        return MessageDigest.isEqual(lenientBase64(header.path("x5t").asText()),
                MessageDigest.getInstance("SHA-1").digest(der));
    }

    private static byte[] lenientBase64(String text) {
        return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/').replace("=", "")
                + "==".substring(0, (4 - text.replace("=", "").length() % 4) % 4));
    }

    private void error(HttpExchange exchange, int status, String error, int code, String description)
            throws IOException {
        String traceId = UUID.randomUUID().toString();
        send(exchange, status, Map.of(
                "error", error,
                "error_description", "AADSTS" + code + ": " + description + " Trace ID: " + traceId
                        + " Correlation ID: " + UUID.randomUUID() + " Timestamp: " + Instant.now(),
                "error_codes", List.of(code),
                "timestamp", Instant.now().toString(),
                "trace_id", traceId,
                "correlation_id", UUID.randomUUID().toString(),
                "error_uri", authorityHost() + "error?code=" + code));
    }

    private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                form.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
