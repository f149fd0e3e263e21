package io.stella.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The distribution token-authentication service (what Harbor or Docker Hub run beside a registry), over HTTPS on
 * 127.0.0.1. Answers {@code GET /token} (Basic credentials or anonymous) and the OAuth2 {@code POST /token}
 * (password and refresh_token grants) with ES256 JWTs the registry verifies against the {@link TestCa}.
 */
public final class TokenService implements AutoCloseable {
    static {
        JdkHttpServers.configure();
    }


    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String JSON = "application/json";

    private final TestCa ca;
    private final String service;
    private final String issuer;
    private final AccessPolicy policy;
    private final Map<String, String> passwords;
    private final boolean disablePost;
    private final boolean omitExpiresIn;
    private final JwtSigner signer;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<String, Optional<String>> acrExchange;
    private final Duration acrRefreshTtl;
    private final List<Map<String, String>> exchangeForms = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final ExecutorService executor = Exchanges.virtualThreads();
    private final HttpServer server;
    private volatile Duration ttl;
    private volatile boolean issueExpiredTokens;

    private TokenService(Builder builder) {
        this.ca = builder.ca;
        this.service = builder.service;
        this.issuer = builder.issuer;
        this.policy = builder.policy;
        this.passwords = new ConcurrentHashMap<>(builder.passwords);
        this.disablePost = builder.disablePost;
        this.omitExpiresIn = builder.omitExpiresIn;
        this.ttl = builder.ttl;
        this.issueExpiredTokens = builder.issueExpiredTokens;
        this.acrExchange = builder.acrExchange;
        this.acrRefreshTtl = builder.acrRefreshTtl;
        this.signer = new JwtSigner(ca.issueSigning("stella test token signer"), json);
        IssuedCert tlsCert = ca.issueServer(List.of("127.0.0.1", "localhost"));
        this.server = Exchanges.start(tlsCert.serverSslContext(), executor);
        server.createContext("/", this::handle);
    }

    public static Builder builder(TestCa ca) {
        return new Builder(ca);
    }

    /** {@code https://127.0.0.1:PORT/token}. */
    public String realm() {
        return "https://127.0.0.1:" + port() + "/token";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String service() {
        return service;
    }

    public String issuer() {
        return issuer;
    }

    /** The CA that issued both the service's TLS certificate and its token-signing certificate. */
    public TestCa ca() {
        return ca;
    }

    /** How many token requests arrived, whether they got a token or were refused. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void setTtl(Duration ttl) {
        this.ttl = Objects.requireNonNull(ttl);
    }

    /** When on, tokens carry an {@code exp} already in the past (beyond the registry's leeway). */
    public void setIssueExpiredTokens(boolean expired) {
        this.issueExpiredTokens = expired;
    }

    public void revokeAllRefreshTokens() {
        refreshTokens.clear();
    }

    /** The forms posted to {@code /oauth2/exchange}, in order (they hold the presented AAD tokens). */
    public List<Map<String, String>> exchangeForms() {
        return List.copyOf(exchangeForms);
    }

    public void setPassword(String user, String password) {
        passwords.put(user, password);
    }

    @Override
    public void close() {
        Exchanges.stop(server, executor);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(Exchanges.record(exchange));
            if (acrExchange != null && exchange.getRequestURI().getPath().equals("/oauth2/exchange")) {
                handleAcrExchange(exchange);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/token")) {
                error(exchange, 404, "NOT_FOUND", "no such endpoint", Map.of());
                return;
            }
            tokenRequests.incrementAndGet();
            switch (exchange.getRequestMethod()) {
                case "GET" -> handleGet(exchange);
                case "POST" -> {
                    if (disablePost) {
                        error(exchange, 405, "UNSUPPORTED", "POST is disabled; use GET", Map.of("Allow", "GET"));
                    } else {
                        handlePost(exchange);
                    }
                }
                default -> error(exchange, 405, "UNSUPPORTED", "method not allowed", Map.of("Allow", "GET, POST"));
            }
        }
    }

    private void handleGet(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = Forms.parse(exchange.getRequestURI().getRawQuery());
        String user = AccessPolicy.ANONYMOUS;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decodeBasic(authorization.substring(6).strip());
            if (credentials == null || !passwordMatches(credentials[0], credentials[1])) {
                error(exchange, 401, "UNAUTHORIZED", "authentication required: invalid username or password",
                        Map.of("WWW-Authenticate", "Basic realm=\"token\""));
                return;
            }
            user = credentials[0];
        }
        List<Scope> scopes = scopes(params.getOrDefault("scope", List.of()));
        boolean offline = "true".equalsIgnoreCase(Forms.first(params, "offline_token"));
        String refreshToken = offline && !user.equals(AccessPolicy.ANONYMOUS) ? newRefreshToken(user) : null;
        respondWithToken(exchange, user, Forms.first(params, "service"), scopes, refreshToken);
    }

    private void handlePost(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = Forms.parse(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String scopeText = Forms.first(form, "scope");
        List<Scope> scopes = scopes(scopeText == null ? List.of() : List.of(scopeText));
        String service = Forms.first(form, "service");
        String grantType = Objects.requireNonNullElse(Forms.first(form, "grant_type"), "");
        switch (grantType) {
            case "password" -> {
                String user = Forms.first(form, "username");
                if (user == null || !passwordMatches(user, Forms.first(form, "password"))) {
                    error(exchange, 401, "UNAUTHORIZED", "invalid username or password", Map.of());
                    return;
                }
                boolean offline = "offline".equals(Forms.first(form, "access_type"));
                respondWithToken(exchange, user, service, scopes, offline ? newRefreshToken(user) : null);
            }
            case "refresh_token" -> {
                String refreshToken = Forms.first(form, "refresh_token");
                String user = refreshToken == null ? null : refreshTokens.get(refreshToken);
                if (user == null) {
                    error(exchange, 401, "UNAUTHORIZED", "unknown or revoked refresh token", Map.of());
                    return;
                }
                respondWithToken(exchange, user, service, scopes, refreshToken);
            }
            default -> error(exchange, 400, "UNSUPPORTED", "unsupported grant_type '" + grantType + "'", Map.of());
        }
    }

    /**
     * Azure Container Registry's {@code POST /oauth2/exchange}: an Entra ID access token for an ACR refresh token
     * (a JWT), which the refresh_token grant of {@code /token} then accepts.
     */
    private void handleAcrExchange(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 405, "UNSUPPORTED", "method not allowed", Map.of("Allow", "POST"));
            return;
        }
        Map<String, List<String>> form = Forms.parse(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> firsts = new LinkedHashMap<>();
        form.forEach((name, values) -> firsts.put(name, values.getFirst()));
        exchangeForms.add(firsts);
        String aadToken = Forms.first(form, "access_token");
        if (!"access_token".equals(Forms.first(form, "grant_type")) || aadToken == null) {
            error(exchange, 400, "UNSUPPORTED", "grant_type must be access_token with an access_token", Map.of());
            return;
        }
        Optional<String> user = acrExchange.apply(aadToken);
        if (user.isEmpty()) {
            error(exchange, 401, "UNAUTHORIZED", "authentication required, visit https://aka.ms/acr/authorization",
                    Map.of());
            return;
        }
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", user.get());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(acrRefreshTtl).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("iss", "Azure Container Registry");
        claims.put("aud", Objects.requireNonNullElse(Forms.first(form, "service"), service));
        claims.put("version", "1.0");
        claims.put("grant_type", "refresh_token");
        claims.put("tenant", Objects.requireNonNullElse(Forms.first(form, "tenant"), ""));
        String refreshToken = signer.sign(claims);
        refreshTokens.put(refreshToken, user.get());
        Exchanges.send(exchange, 200, Map.of("Content-Type", JSON),
                json.writeValueAsBytes(Map.of("refresh_token", refreshToken)));
    }

    private void respondWithToken(HttpExchange exchange, String user, String requestedService, List<Scope> scopes,
                                  String refreshToken) throws IOException {
        Duration lifetime = ttl;
        Instant now = Instant.now();
        // The registry allows 60 s of clock skew, so an "expired" token has to be well past that.
        Instant notBefore = issueExpiredTokens ? now.minus(Duration.ofMinutes(10)).minus(lifetime) : now;
        Instant expiry = issueExpiredTokens ? now.minus(Duration.ofMinutes(10)) : now.plus(lifetime);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user);
        claims.put("aud", requestedService == null || requestedService.isEmpty() ? service : requestedService);
        claims.put("exp", expiry.getEpochSecond());
        claims.put("nbf", notBefore.getEpochSecond());
        claims.put("iat", notBefore.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", policy.authorize(user, scopes));
        String token = signer.sign(claims);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("access_token", token);
        if (!omitExpiresIn) {
            body.put("expires_in", lifetime.toSeconds());
        }
        body.put("issued_at", now.toString());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        Exchanges.send(exchange, 200, Map.of("Content-Type", JSON), json.writeValueAsBytes(body));
    }

    private String newRefreshToken(String user) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        refreshTokens.put(token, user);
        return token;
    }

    private boolean passwordMatches(String user, String password) {
        String expected = passwords.get(user);
        return expected != null && expected.equals(password);
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Scope> scopes(List<String> texts) {
        List<Scope> scopes = new ArrayList<>();
        for (String text : texts) {
            Arrays.stream(text.split(" ")).filter(s -> !s.isBlank())
                    .forEach(s -> Scope.parse(s.strip()).ifPresent(scopes::add));
        }
        return scopes;
    }

    private void error(HttpExchange exchange, int status, String code, String message, Map<String, String> headers)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", JSON);
        Exchanges.send(exchange, status, all, errorBody(code, message));
    }

    private byte[] errorBody(String code, String message) throws JsonProcessingException {
        return json.writeValueAsBytes(Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }

    /** Configures users, grants and token behaviour; {@link #start()} binds the HTTPS port. */
    public static final class Builder {

        private final TestCa ca;
        private final AccessPolicy policy = new AccessPolicy();
        private final Map<String, String> passwords = new LinkedHashMap<>();
        private String service = "stella-test-registry";
        private String issuer = "stella-test-token-service";
        private Duration ttl = Duration.ofMinutes(5);
        private boolean issueExpiredTokens;
        private boolean disablePost;
        private boolean omitExpiresIn;
        private Function<String, Optional<String>> acrExchange;
        private Duration acrRefreshTtl = Duration.ofHours(3);

        private Builder(TestCa ca) {
            this.ca = Objects.requireNonNull(ca);
        }

        public Builder user(String name, String password) {
            passwords.put(name, password);
            return this;
        }

        /** Actions ("pull", "push", "delete", "*") on a project, the first path segment of a repository; "*" = all. */
        public Builder grant(String user, String project, String... actions) {
            policy.grant(user, project, List.of(actions));
            return this;
        }

        /** Actions everyone gets, with or without credentials (a public project). */
        public Builder anonymousGrant(String project, String... actions) {
            policy.grant(AccessPolicy.ANONYMOUS, project, List.of(actions));
            return this;
        }

        /** Lets the user obtain {@code registry:catalog:*}. */
        public Builder catalogUser(String user) {
            policy.allowCatalog(user);
            return this;
        }

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl);
            return this;
        }

        public Builder issueExpiredTokens(boolean expired) {
            this.issueExpiredTokens = expired;
            return this;
        }

        /** POST /token answers 405, so clients must fall back to GET. */
        public Builder disablePost(boolean disable) {
            this.disablePost = disable;
            return this;
        }

        public Builder omitExpiresIn(boolean omit) {
            this.omitExpiresIn = omit;
            return this;
        }

        /**
         * Serves ACR's {@code POST /oauth2/exchange}: {@code userForAadToken} names the user whose grants an
         * Entra ID access token gets, or is empty to refuse it (401, as ACR does for an identity without a role).
         */
        public Builder acrExchange(Function<String, Optional<String>> userForAadToken) {
            this.acrExchange = Objects.requireNonNull(userForAadToken);
            return this;
        }

        /** Lifetime of the refresh tokens {@code /oauth2/exchange} issues (ACR: 3 hours). */
        public Builder acrRefreshTokenTtl(Duration ttl) {
            this.acrRefreshTtl = Objects.requireNonNull(ttl);
            return this;
        }

        public TokenService start() {
            return new TokenService(this);
        }
    }
}
