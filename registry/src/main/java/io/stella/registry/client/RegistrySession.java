package io.stella.registry.client;

import io.stella.registry.auth.BearerToken;
import io.stella.registry.auth.Challenge;
import io.stella.registry.auth.ChallengeParser;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.Scope;
import io.stella.registry.auth.TokenCache;
import io.stella.registry.auth.TokenClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import io.stella.registry.http.HttpTransport;
import io.stella.registry.http.RateLimitStatus;
import io.stella.registry.http.RedactedUrl;
import io.stella.registry.http.RegistryErrorBody;
import io.stella.registry.trace.Trace;
import io.stella.registry.trace.TraceEvent;
import io.stella.registry.vendor.Principal;
import io.stella.registry.vendor.RegistryVendor;
import io.stella.registry.vendor.VendorExplainer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one caller of a registry's API: resolves the scheme with a ping, answers challenges with the
 * credential that belongs to this registry, re-authenticates once when a request is rejected with 401
 * (token expired or revoked mid-scan), follows redirects by hand without carrying credentials to
 * another origin, and maps every failure to a {@link FailureCode}.
 */
public final class RegistrySession {
    private static final int MAX_REDIRECTS = 5;

    private final Endpoint endpoint;
    private final CredentialLease lease;
    private final HttpTransport transport;
    private final TokenClient tokens;
    private final TokenCache cache;
    private final Trace trace;
    private final Clock clock;
    private final RequestLimit limit;
    private final VendorExplainer vendor;
    private final Map<TokenCache.Key, ReentrantLock> tokenLocks = new ConcurrentHashMap<>();
    private final ReentrantLock pingLock = new ReentrantLock();
    private volatile PingResult ping;
    private volatile Optional<Challenge> challenge = Optional.empty();

    public RegistrySession(Endpoint endpoint, ResolvedCredential credential, HttpTransport transport,
                           TokenClient tokens, TokenCache cache, Trace trace, Clock clock) {
        this(endpoint, CredentialLease.fixed(credential), transport, tokens, cache, trace, clock, RequestLimit.NONE);
    }

    public RegistrySession(Endpoint endpoint, CredentialLease lease, HttpTransport transport,
                           TokenClient tokens, TokenCache cache, Trace trace, Clock clock, RequestLimit limit) {
        this(endpoint, lease, transport, tokens, cache, trace, clock, limit,
                VendorExplainer.forVendor(RegistryVendor.detect(endpoint.registry())));
    }

    /** @param vendor explains failures in the terms of the registry's vendor (Harbor robots, Docker Hub limits …) */
    public RegistrySession(Endpoint endpoint, CredentialLease lease, HttpTransport transport,
                           TokenClient tokens, TokenCache cache, Trace trace, Clock clock, RequestLimit limit,
                           VendorExplainer vendor) {
        this.vendor = vendor;
        this.limit = limit;
        this.endpoint = endpoint;
        this.lease = lease;
        this.transport = transport;
        this.tokens = tokens;
        this.cache = cache;
        this.trace = trace;
        this.clock = clock;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The credential in use now (renewed first when due). */
    public ResolvedCredential credential() {
        return lease.current();
    }

    public CredentialLease lease() {
        return lease;
    }

    public io.stella.registry.http.NetworkSettings transportSettings() {
        return transport.settings();
    }

    public int tokenRequests() {
        return tokens.requestCount();
    }

    /** The vendor whose terms failures are explained in. */
    public RegistryVendor vendor() {
        return vendor.vendor();
    }

    /** The rate-limit headers of the latest response that carried them (Docker Hub). */
    public Optional<RateLimitStatus> rateLimit() {
        return transport.rateLimit();
    }

    /** {@code GET /v2/} without credentials, trying HTTPS first; remembered for the session. */
    public PingResult ping() {
        PingResult known = ping;
        if (known != null) {
            return known;
        }
        pingLock.lock();
        try {
            if (ping == null) {
                ping = explained(this::doPing);
                challenge = ping.preferredChallenge();
            }
            return ping;
        } finally {
            pingLock.unlock();
        }
    }

    private PingResult doPing() {
        List<String> schemes = endpoint.schemes();
        RegistryException httpsFailure = null;
        for (int i = 0; i < schemes.size(); i++) {
            URI base = URI.create(schemes.get(i) + "://" + endpoint.apiHost());
            URI url = base.resolve("/v2/");
            boolean fallbackLeft = i + 1 < schemes.size();
            trace.record(TraceEvent.Kind.REQUEST, "GET " + url + " (ping)");
            HttpResponse<InputStream> response;
            try {
                HttpRequest ping = transport.request(url).GET().build();
                response = fallbackLeft ? transport.probe(ping, endpoint.registry()) : transport.send(ping, endpoint.registry());
            } catch (RegistryException e) {
                if (fallbackLeft && notATlsServer(e)) {
                    trace.record(TraceEvent.Kind.INFO, endpoint.apiHost() + " does not speak TLS (" + e.code()
                            + "); trying plain HTTP");
                    httpsFailure = e;
                    continue;
                }
                if (httpsFailure != null && httpsFailure.code() != FailureCode.TLS_HANDSHAKE_FAILED
                        && !isPlainServer(httpsFailure)) {
                    // Neither worked; the HTTPS failure says more about what is wrong.
                    throw httpsFailure.withContext(endpoint.registry(), null, Map.of("http_fallback", e.code().name()));
                }
                throw e;
            }
            int status = response.statusCode();
            List<Challenge> challenges = ChallengeParser.parse(response.headers().allValues("www-authenticate"));
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            challenges.forEach(c -> trace.record(TraceEvent.Kind.CHALLENGE, "challenge: " + c,
                    Map.of("challenge", c.toString())));
            if (status == 200 || (status == 401 && !challenges.isEmpty())) {
                return new PingResult(base, status, challenges,
                        response.headers().firstValue("docker-distribution-api-version"));
            }
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                            "GET " + url + " answered HTTP " + status + "; this does not look like a registry v2 API")
                    .registry(endpoint.registry())
                    .evidence("http_status", status)
                    .evidence("url", url)
                    .evidence("registry_error_code", body.code())
                    .evidence("registry_error_message", body.message())
                    .build();
        }
        throw new IllegalStateException("no scheme to try");
    }

    /** HTTPS found no TLS server there: it answered in plain HTTP, or not at all, or broke the handshake. */
    private static boolean notATlsServer(RegistryException e) {
        return isPlainServer(e) || e.code() == FailureCode.NETWORK_TIMEOUT || e.code() == FailureCode.TLS_HANDSHAKE_FAILED
                || e.code() == FailureCode.NETWORK_ERROR;
    }

    private static boolean isPlainServer(RegistryException e) {
        return e.getCause() instanceof IOException io && ConnectionFailures.isPlainHttpServer(io);
    }

    /**
     * Runs a call; returns a 2xx response (or a 404 when the request allows it) with its body unread.
     * The caller must close the body.
     */
    public HttpResponse<InputStream> execute(RegistryRequest request) {
        URI base = ping().base();
        return explained(() -> limit.run(() -> executeWithin(request, base)));
    }

    private <T> T explained(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RegistryException e) {
            throw vendor.explain(e, Principal.of(lease.peek()));
        }
    }

    private HttpResponse<InputStream> executeWithin(RegistryRequest request, URI base) {
        URI url = base.resolve(request.pathAndQuery());
        ResolvedCredential used = lease.current();
        AuthorizationHeader auth = authorize(used, request.scope(), false);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response = sendFollowingRedirects(request, url, base, auth);
            int status = response.statusCode();
            if (status / 100 == 2 || (status == 404 && request.notFoundIsAnswer())) {
                return response;
            }
            // Only a new token, a first answer to a challenge not seen at ping, or a credential with another secret
            // from a renewable source can change the outcome; re-sending rejected Basic credentials would only count
            // towards an account lockout. (A bearer token's credential is renewed by fetchToken when the token
            // service rejects it.)
            boolean tokenCanHelp = auth.method().equals("bearer") || challenge.isEmpty();
            boolean renewed = status == 401 && attempt == 0 && !tokenCanHelp && lease.renewAfterRejection(used);
            if (status == 401 && attempt == 0 && (tokenCanHelp || renewed)) {
                List<Challenge> fresh = ChallengeParser.parse(response.headers().allValues("www-authenticate"));
                RegistryErrorBody.read(response.body());
                fresh.stream().filter(Challenge::isBearer).findFirst()
                        .or(() -> fresh.stream().filter(Challenge::isBasic).findFirst())
                        .ifPresent(c -> challenge = Optional.of(c));
                trace.record(TraceEvent.Kind.INFO, "401 for " + request.description()
                        + fresh.stream().findFirst().map(c -> " (" + c + ")").orElse("") + "; re-authenticating once");
                if (renewed) {
                    trace.record(TraceEvent.Kind.CREDENTIAL, "credential for " + endpoint.registry()
                            + " fetched again from " + lease.peek().origin());
                }
                used = lease.current();
                auth = authorize(used, request.scope(), true);
                continue;
            }
            throw failure(request, url, response, auth);
        }
    }

    /**
     * A GET of the registry product's own REST API outside {@code /v2} (Harbor, Quay, Nexus, Artifactory),
     * for repository discovery. Those APIs do not take the registry's tokens: this sends the request's API
     * token as Bearer, else the credential's username and password as HTTP Basic, whatever {@code /v2}
     * challenges with (no ping, token service or re-authentication). Retries, redirects (credentials
     * only to the same origin) and network failure codes are as for {@link #execute}. Every status comes
     * back with its body unread: only the caller knows what a 401 or 404 of that API means.
     */
    public HttpResponse<InputStream> executeVendorApi(VendorApiRequest request) {
        URI url = request.url();
        if ("http".equalsIgnoreCase(url.getScheme()) && !endpoint.insecure()
                && !io.stella.registry.http.Loopback.isLoopback(url.getHost())) {
            throw RegistryException.builder(FailureCode.INSECURE_NOT_ALLOWED,
                            "plain HTTP to " + url.getHost() + " for " + request.description() + " is not allowed")
                    .registry(endpoint.registry())
                    .evidence("url", RedactedUrl.of(url.toString()))
                    .hint("Use an https:// URL for the API, or configure the registry as insecure if it really has "
                            + "no TLS.")
                    .build();
        }
        ResolvedCredential credential = lease.current();
        AuthorizationHeader auth = switch (request.auth(credential)) {
            case API_TOKEN -> new AuthorizationHeader(VendorApiRequest.Auth.API_TOKEN.label(),
                    Optional.of("Bearer " + request.apiToken().orElseThrow().reveal()), Optional.empty());
            case BASIC -> basic((Credential.UsernamePassword) credential.credential());
            case NONE -> AuthorizationHeader.NONE;
        };
        URI origin = URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/");
        return sendFollowingRedirects("GET", List.of("application/json"), request.headers(), request.description(),
                url, origin, auth);
    }

    private HttpResponse<InputStream> sendFollowingRedirects(RegistryRequest request, URI url, URI base,
                                                             AuthorizationHeader auth) {
        return sendFollowingRedirects(request.method(), request.accept(), Map.of(), request.description(), url, base,
                auth);
    }

    private HttpResponse<InputStream> sendFollowingRedirects(String method, List<String> accept,
                                                             Map<String, String> headers, String description,
                                                             URI url, URI base, AuthorizationHeader auth) {
        URI target = url;
        for (int hop = 0; ; hop++) {
            boolean sameOrigin = sameOrigin(target, base);
            HttpRequest.Builder builder = transport.request(target).method(method,
                    HttpRequest.BodyPublishers.noBody());
            if (!accept.isEmpty()) {
                builder.header("Accept", String.join(", ", accept));
            }
            headers.forEach(builder::header);
            if (sameOrigin) {
                auth.value().ifPresent(v -> builder.header("Authorization", v));
            }
            trace.record(TraceEvent.Kind.REQUEST, method + " " + RedactedUrl.of(target.toString())
                    + (sameOrigin ? " auth=" + auth.method() : " (other origin: no credentials)"));
            HttpResponse<InputStream> response = transport.send(builder.build(), endpoint.registry());
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("location");
            if (!isRedirect(status) || location.isEmpty()) {
                return response;
            }
            RegistryErrorBody.read(response.body());
            if (hop >= MAX_REDIRECTS) {
                throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                                "more than " + MAX_REDIRECTS + " redirects for " + description)
                        .registry(endpoint.registry()).evidence("last_location", RedactedUrl.of(location.get())).build();
            }
            URI next = target.resolve(location.get());
            if ("http".equalsIgnoreCase(next.getScheme()) && "https".equalsIgnoreCase(target.getScheme())
                    && !io.stella.registry.http.Loopback.isLoopback(next.getHost()) && !endpoint.insecure()) {
                throw RegistryException.builder(FailureCode.INSECURE_NOT_ALLOWED,
                                "registry redirected " + description + " from HTTPS to plain HTTP")
                        .registry(endpoint.registry()).evidence("location", RedactedUrl.of(next.toString())).build();
            }
            trace.record(TraceEvent.Kind.REDIRECT, "redirect " + status + " to " + RedactedUrl.of(next.toString())
                    + (sameOrigin(next, base) ? "" : " (other origin: Authorization dropped)"));
            target = next;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private AuthorizationHeader authorize(ResolvedCredential credential, Optional<Scope> scope, boolean forceNew) {
        Optional<Challenge> ch = challenge;
        if (ch.isEmpty()) {
            return AuthorizationHeader.NONE;
        }
        Credential cred = credential.credential();
        if (ch.get().isBasic()) {
            return cred instanceof Credential.UsernamePassword up ? basic(up) : AuthorizationHeader.NONE;
        }
        if (!ch.get().isBearer()) {
            return AuthorizationHeader.NONE;
        }
        if (cred instanceof Credential.RegistryToken rt) {
            return new AuthorizationHeader("registry-token", Optional.of("Bearer " + rt.token().reveal()), Optional.empty());
        }
        List<Scope> scopes = scope.map(List::of).orElse(List.of());
        TokenCache.Key key = TokenCache.Key.of(endpoint.registry(), ch.get().service().orElse(null),
                TokenCache.principalOf(credential), scopes);
        ReentrantLock lock = tokenLocks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Optional<BearerToken> cached = forceNew ? Optional.empty() : cache.fresh(key, clock.instant());
            BearerToken token;
            if (cached.isPresent()) {
                token = cached.get();
            } else {
                Optional<BearerToken> previous = cache.any(key);
                if (previous.isPresent() && !forceNew) {
                    trace.record(TraceEvent.Kind.TOKEN, "token for " + scopes + " is due for refresh ("
                            + (int) (cache.refreshFraction() * 100) + "% of its lifetime); refreshing");
                }
                cache.invalidate(key);
                token = fetchToken(ch.get(), credential, scopes, key);
                cache.put(key, token);
            }
            return new AuthorizationHeader("bearer", Optional.of("Bearer " + token.token().reveal()), Optional.of(token));
        } finally {
            lock.unlock();
        }
    }

    /** A token; when the token service rejects a renewable credential, once more with it fetched again. */
    private BearerToken fetchToken(Challenge challenge, ResolvedCredential credential, List<Scope> scopes,
                                   TokenCache.Key key) {
        try {
            return tokens.fetch(endpoint.registry(), challenge, credential, scopes, cache.refreshToken(key));
        } catch (RegistryException e) {
            if (e.code() != FailureCode.AUTH_INVALID_CREDENTIALS || !lease.renewAfterRejection(credential)) {
                throw e;
            }
            trace.record(TraceEvent.Kind.CREDENTIAL, "token service rejected the credential from " + credential.origin()
                    + "; fetched it again");
            return tokens.fetch(endpoint.registry(), challenge, lease.current(), scopes, Optional.empty());
        }
    }

    private static AuthorizationHeader basic(Credential.UsernamePassword up) {
        String value = "Basic " + Base64.getEncoder().encodeToString(
                (up.username() + ":" + up.password().reveal()).getBytes(StandardCharsets.UTF_8));
        return new AuthorizationHeader("basic", Optional.of(value), Optional.empty());
    }

    /** The access token a scope would use now (fetching it if needed), for diagnostics. */
    public Optional<BearerToken> tokenFor(Optional<Scope> scope) {
        ping();
        return authorize(lease.current(), scope, false).token();
    }

    /** The authentication method this registry asks for: "none", "basic" or "bearer". */
    public String authScheme() {
        ping();
        return challenge.map(c -> c.isBearer() ? "bearer" : c.isBasic() ? "basic" : c.scheme()).orElse("none");
    }

    private RegistryException failure(RegistryRequest request, URI url, HttpResponse<InputStream> response,
                                      AuthorizationHeader auth) {
        ResolvedCredential credential = lease.peek();
        int status = response.statusCode();
        RegistryErrorBody body = RegistryErrorBody.read(response.body());
        List<Challenge> challenges = ChallengeParser.parse(response.headers().allValues("www-authenticate"));
        Optional<Challenge> rejected = challenges.stream().findFirst();
        String repository = request.repository();
        String action = request.scope().map(s -> String.join(",", s.actions())).orElse("access");
        String target = repository != null ? "repository " + repository : request.isCatalog() ? "the catalog" : request.description();
        Optional<Boolean> granted = auth.token().flatMap(t -> request.scope().flatMap(t::grants));
        boolean anonymous = credential.isAnonymous();

        FailureCode code;
        String message;
        if (request.isCatalog() && (status == 401 || status == 403 || status == 404)) {
            code = FailureCode.CATALOG_DENIED;
            message = status == 404 ? "registry " + endpoint.registry() + " does not serve the catalog (_catalog)"
                    : "registry " + endpoint.registry() + " denied listing its repositories to " + who();
        } else if (status == 401) {
            boolean insufficient = rejected.flatMap(Challenge::error).filter("insufficient_scope"::equals).isPresent()
                    || granted.filter(g -> !g).isPresent();
            if (anonymous) {
                code = FailureCode.AUTH_NO_CREDENTIALS;
                message = "registry " + endpoint.registry() + " requires authentication for " + action + " on " + target
                        + " and no credentials were found for it";
            } else if (auth.method().equals("basic") || auth.method().equals("registry-token")) {
                code = FailureCode.AUTH_INVALID_CREDENTIALS;
                message = "registry " + endpoint.registry() + " rejected the " + credential.credential().kind()
                        + " credentials from " + credential.origin();
            } else if (auth.method().equals("none")) {
                code = FailureCode.AUTH_NO_CREDENTIALS;
                message = "registry " + endpoint.registry() + " asks for " + rejected.map(Challenge::scheme).orElse("unknown")
                        + " authentication, which the " + credential.credential().kind() + " credentials from "
                        + credential.origin() + " cannot answer";
            } else if (insufficient) {
                code = FailureCode.AUTH_INSUFFICIENT_SCOPE;
                message = "credentials from " + credential.origin() + " are valid but were not granted "
                        + action + " on " + target + " at " + endpoint.registry();
            } else {
                code = FailureCode.AUTH_TOKEN_EXPIRED;
                message = "registry " + endpoint.registry() + " rejected a freshly issued token for " + target
                        + " after re-authenticating";
            }
        } else if (status == 403) {
            code = anonymous ? FailureCode.AUTH_NO_CREDENTIALS : FailureCode.AUTH_INSUFFICIENT_SCOPE;
            message = anonymous
                    ? "registry " + endpoint.registry() + " denied anonymous " + action + " on " + target
                    : "registry " + endpoint.registry() + " denied " + action + " on " + target + " to " + who()
                            + (body.code() != null ? " (" + body.code() + ")" : "");
        } else if (status == 404) {
            boolean visible = challenge.isEmpty() || granted.orElse(false);
            if (request.subject() == RegistryRequest.Subject.REPOSITORY) {
                code = FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED;
                message = "repository " + repository + " not found at " + endpoint.registry() + (visible
                        ? " (pull access was granted, so it does not exist)"
                        : "; the registry does not tell whether it is missing or hidden from " + who());
            } else if (visible) {
                code = FailureCode.IMAGE_NOT_FOUND;
                message = request.description() + " not found at " + endpoint.registry();
            } else {
                code = FailureCode.REPOSITORY_NOT_FOUND_OR_DENIED;
                message = request.description() + " not found at " + endpoint.registry()
                        + "; the registry does not tell whether it is missing or hidden from " + who();
            }
        } else {
            code = FailureCode.REGISTRY_PROTOCOL_ERROR;
            message = "registry " + endpoint.registry() + " answered HTTP " + status + " to " + request.description();
        }
        RegistryException.Builder b = RegistryException.builder(code, message)
                .registry(endpoint.registry())
                .repository(repository)
                .evidence("http_status", status)
                .evidence("url", RedactedUrl.of(url.toString()))
                .evidence("registry_error_code", body.code())
                .evidence("registry_error_message", body.message())
                .evidence("challenge", rejected.orElse(null))
                .evidence("auth_method", auth.method())
                .evidence("credential_source", credential.origin())
                .evidence("credential_kind", credential.credential().kind())
                .evidence("scope_requested", request.scope().orElse(null));
        auth.token().ifPresent(t -> b.evidence("scope_granted", t.granted().map(Object::toString).orElse("(opaque token)")));
        if (code == FailureCode.AUTH_INSUFFICIENT_SCOPE && repository != null) {
            b.hint("Grant " + who() + " '" + action + "' on " + repository + ", or use credentials that have it.");
        }
        if (code == FailureCode.AUTH_NO_CREDENTIALS) {
            b.hint("Configure credentials for " + endpoint.registry() + ": docker/podman login " + endpoint.registry()
                    + ", a registries: entry in stella's config, or --username with --password-stdin. "
                    + "(Anonymous requests are also refused when the repository does not exist.)");
        }
        return b.build();
    }

    private String who() {
        ResolvedCredential credential = lease.peek();
        return credential.isAnonymous() ? "anonymous requests"
                : "the " + credential.credential().kind() + " credentials from " + credential.origin();
    }

    @Override
    public String toString() {
        return "RegistrySession[" + endpoint.registry() + ", " + Objects.toString(lease.peek().origin()) + "]";
    }

    /** Details for output: the challenge and credential in use (no secrets). */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("registry", endpoint.registry());
        d.put("api", ping().base().toString());
        d.put("auth_scheme", authScheme());
        ResolvedCredential credential = lease.peek();
        d.put("credential_source", credential.origin().toString());
        d.put("credential_kind", credential.credential().kind());
        return d;
    }
}
