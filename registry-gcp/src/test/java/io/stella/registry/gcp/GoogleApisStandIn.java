package io.stella.registry.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.stella.testing.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the Google APIs stella cannot reach in tests, speaking their wire formats: the OAuth2
 * token endpoint ({@code POST /token}, JWT bearer and refresh token grants), STS ({@code POST /v1/token}), IAM
 * Credentials ({@code generateAccessToken}) and the Artifact Registry REST v1 calls. It checks what a real endpoint
 * checks (the JWT's RS256 signature, bearer tokens it issued) and records every request.
 */
public final class GoogleApisStandIn implements AutoCloseable {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final Pattern GENERATE = Pattern.compile("/v1/projects/-/serviceAccounts/([^/:]+):generateAccessToken");
    private static final Pattern TEST_IAM = Pattern.compile("/v1/(projects/[^/]+/locations/[^/]+/repositories/[^/:]+):testIamPermissions");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as seen. */
    public record Seen(String method, String path, String query, Map<String, String> headers, String body) {
        Map<String, String> form() {
            return GoogleApisStandIn.form(body);
        }

        Map<String, String> params() {
            return GoogleApisStandIn.form(query);
        }
    }

    /** A canned error answer. */
    record Answer(int status, String body) {
        static Answer googleError(int code, String status, String message) {
            return new Answer(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\""
                    + status + "\"}}");
        }

        static Answer oauthError(int code, String error, String description) {
            return new Answer(code, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> federated = ConcurrentHashMap.newKeySet();
    private final Map<String, PublicKey> serviceAccountKeys = new ConcurrentHashMap<>();
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();
    private final Map<String, Answer> failures = new ConcurrentHashMap<>();
    private final List<JsonNode> assertionClaims = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onAccessToken = token -> { };
    private volatile Instant impersonatedExpiry = Instant.parse("2031-01-01T00:00:00Z");

    private GoogleApisStandIn(TestCa ca, List<String> names) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ca.issueServer(names).serverSslContext()));
        server = https;
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves HTTPS with a certificate of {@code ca} for 127.0.0.1 (google-auth refuses plain http for STS and IAM). */
    public static GoogleApisStandIn start(TestCa ca) {
        return start(ca, List.of("127.0.0.1"));
    }

    /** With a certificate for these names too, for requests that reach it through a proxy by name. */
    static GoogleApisStandIn start(TestCa ca, List<String> names) {
        try {
            return new GoogleApisStandIn(ca, names);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    public String tokenUri() {
        return baseUrl() + "/token";
    }

    /** The public half of a service account key the token endpoint accepts assertions of. */
    public void registerKey(String clientEmail, PublicKey key) {
        serviceAccountKeys.put(clientEmail, key);
    }

    /** Called with every access token issued to a caller (what the registry must accept as password). */
    public void onAccessToken(Consumer<String> listener) {
        this.onAccessToken = listener;
    }

    /** A canned Artifact Registry list page: {@code path} is {@code /v1/…}, {@code pageToken} "" for the first. */
    public void page(String path, String pageToken, String json) {
        pages.put(path + "|" + pageToken, json);
    }

    public void grant(String repositoryName, String... permissions) {
        granted.put(repositoryName, Set.of(permissions));
    }

    /** Answer requests to the path (exact, or a /token, /v1/token endpoint) with an error. */
    void fail(String path, Answer answer) {
        failures.put(path, answer);
    }

    void clearFailures() {
        failures.clear();
    }

    void impersonatedExpiry(Instant expiry) {
        this.impersonatedExpiry = expiry;
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    public List<Seen> requests(String pathPrefix) {
        return seen.stream().filter(s -> s.path().startsWith(pathPrefix)).toList();
    }

    /** The verified claims of each JWT bearer assertion received. */
    List<JsonNode> assertionClaims() {
        return List.copyOf(assertionClaims);
    }

    public boolean issuedToken(String token) {
        return issued.contains(token);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            Seen request = new Seen(exchange.getRequestMethod(), path, query, headers, body);
            seen.add(request);
            Answer failure = failures.get(path);
            if (failure != null) {
                send(exchange, failure.status(), failure.body());
                return;
            }
            Answer answer = route(request);
            send(exchange, answer.status(), answer.body());
        }
    }

    private Answer route(Seen request) {
        String path = request.path();
        if (request.method().equals("POST") && path.equals("/token")) {
            return oauthToken(request);
        }
        if (request.method().equals("POST") && path.equals("/v1/token")) {
            return sts(request);
        }
        Matcher generate = GENERATE.matcher(path);
        if (request.method().equals("POST") && generate.matches()) {
            return generateAccessToken(request, generate.group(1));
        }
        if (!bearer(request).map(issued::contains).orElse(false)) {
            return Answer.googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. "
                    + "Expected OAuth 2 access token, login cookie or other valid authentication credential.");
        }
        Matcher testIam = TEST_IAM.matcher(path);
        if (request.method().equals("POST") && testIam.matches()) {
            return testIamPermissions(request, testIam.group(1));
        }
        if (request.method().equals("GET")) {
            String page = pages.get(path + "|" + request.params().getOrDefault("pageToken", ""));
            if (page != null) {
                return new Answer(200, page);
            }
        }
        return Answer.googleError(404, "NOT_FOUND", "Requested entity was not found.");
    }

    private Answer oauthToken(Seen request) {
        Map<String, String> form = request.form();
        if (JWT_BEARER.equals(form.get("grant_type"))) {
            JsonNode claims = verify(form.getOrDefault("assertion", ""));
            if (claims == null) {
                return Answer.oauthError(400, "invalid_grant", "Invalid JWT Signature.");
            }
            assertionClaims.add(claims);
            return tokenResponse(mint("ya29.sa-"));
        }
        if ("refresh_token".equals(form.get("grant_type")) && form.containsKey("refresh_token")) {
            return tokenResponse(mint("ya29.user-"));
        }
        return Answer.oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
    }

    private Answer sts(Seen request) {
        Map<String, String> form = request.form();
        if (!TOKEN_EXCHANGE.equals(form.get("grant_type")) || form.get("subject_token") == null) {
            return Answer.oauthError(400, "invalid_request", "Invalid value for \\\"grant_type\\\".");
        }
        String token = "ya29.fed-" + counter.incrementAndGet();
        federated.add(token);
        issued.add(token);
        onAccessToken.accept(token);
        return new Answer(200, "{\"access_token\":\"" + token + "\",\"issued_token_type\":"
                + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private Answer generateAccessToken(Seen request, String serviceAccount) {
        if (!bearer(request).map(federated::contains).orElse(false)) {
            return Answer.googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        }
        String token = mint("ya29.impersonated-");
        return new Answer(200, "{\"accessToken\":\"" + token + "\",\"expireTime\":\""
                + DateTimeFormatter.ISO_INSTANT.format(impersonatedExpiry) + "\"}");
    }

    private Answer testIamPermissions(Seen request, String repository) {
        try {
            JsonNode asked = JSON.readTree(request.body()).get("permissions");
            Set<String> held = granted.getOrDefault(repository, Set.of());
            List<String> answer = new java.util.ArrayList<>();
            asked.forEach(p -> {
                if (held.contains(p.asText())) {
                    answer.add(p.asText());
                }
            });
            return new Answer(200, answer.isEmpty() ? "{}" : JSON.writeValueAsString(Map.of("permissions", answer)));
        } catch (IOException e) {
            return Answer.googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }
    }

    private String mint(String prefix) {
        String token = prefix + counter.incrementAndGet();
        issued.add(token);
        onAccessToken.accept(token);
        return token;
    }

    private static Answer tokenResponse(String token) {
        return new Answer(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    /** The claims of an RS256 assertion signed by a registered key of its {@code iss}; null when not. */
    private JsonNode verify(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            PublicKey key = serviceAccountKeys.get(claims.path("iss").asText());
            if (key == null || !"RS256".equals(header.path("alg").asText())) {
                return null;
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2])) ? claims.deepCopy() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static java.util.Optional<String> bearer(Seen request) {
        String value = request.headers().get("authorization");
        return value != null && value.startsWith("Bearer ") ? java.util.Optional.of(value.substring(7))
                : java.util.Optional.empty();
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static Duration tokenLifetime() {
        return Duration.ofSeconds(3599);
    }
}
