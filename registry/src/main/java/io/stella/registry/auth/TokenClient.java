package io.stella.registry.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Secret;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.HttpTransport;
import io.stella.registry.http.Loopback;
import io.stella.registry.http.RedactedUrl;
import io.stella.registry.http.RegistryErrorBody;
import io.stella.registry.trace.Trace;
import io.stella.registry.trace.TraceEvent;
import io.stella.registry.wire.TokenResponseJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gets bearer tokens from a registry's token service (the {@code realm} of its Bearer challenge):
 * GET with Basic credentials, OAuth2 POST with {@code grant_type=password} or {@code refresh_token}.
 * Counts every request it makes ("token economy").
 */
public final class TokenClient {
    static final String CLIENT_ID = "stella";
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpTransport transport;
    private final Trace trace;
    private final Clock clock;
    private final TokenFlow flow;
    private final boolean allowPlainHttpRealm;
    private final AtomicInteger requests = new AtomicInteger();

    public TokenClient(HttpTransport transport, Trace trace, Clock clock, TokenFlow flow, boolean allowPlainHttpRealm) {
        this.transport = transport;
        this.trace = trace;
        this.clock = clock;
        this.flow = flow;
        this.allowPlainHttpRealm = allowPlainHttpRealm;
    }

    /** Token requests sent so far. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * @param refreshToken a refresh token from an earlier answer, used instead of the password when present
     */
    public BearerToken fetch(String registry, Challenge challenge, ResolvedCredential credential, List<Scope> scopes,
                             Optional<Secret> refreshToken) {
        URI realm = realmOf(registry, challenge);
        String service = challenge.service().orElse(null);
        Credential cred = credential.credential();
        if (refreshToken.isPresent() && !(cred instanceof Credential.Anonymous)) {
            String user = cred instanceof Credential.UsernamePassword up ? up.username()
                    : cred instanceof Credential.IdentityToken it ? it.username() : null;
            Optional<BearerToken> refreshed = postForm(registry, realm, service, scopes, credential,
                    refreshGrant(refreshToken.get(), user, service, scopes), true);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        return switch (cred) {
            case Credential.IdentityToken it -> postForm(registry, realm, service, scopes, credential,
                    refreshGrant(it.token(), it.username(), service, scopes), false).orElseThrow(
                            () -> invalid(registry, realm, credential, 405, RegistryErrorBody.EMPTY,
                                    "the token service does not accept OAuth2 refresh tokens (POST)"));
            case Credential.UsernamePassword up when flow == TokenFlow.OAUTH2 ->
                    postForm(registry, realm, service, scopes, credential, passwordGrant(up, service, scopes), true)
                            .orElseGet(() -> get(registry, realm, service, scopes, credential));
            default -> get(registry, realm, service, scopes, credential);
        };
    }

    private URI realmOf(String registry, Challenge challenge) {
        String realm = challenge.realm().orElseThrow(() -> RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                        "registry " + registry + " sent a Bearer challenge without realm")
                .registry(registry).evidence("challenge", challenge).build());
        URI uri;
        try {
            uri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                    "registry " + registry + " named an invalid token realm").registry(registry)
                    .evidence("realm", realm).build();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && (allowPlainHttpRealm || Loopback.isLoopback(uri.getHost())))) {
            throw RegistryException.builder(FailureCode.INSECURE_NOT_ALLOWED,
                            "token realm " + RedactedUrl.of(realm) + " is not HTTPS; credentials will not be sent there")
                    .registry(registry).evidence("realm", RedactedUrl.of(realm)).build();
        }
        return uri;
    }

    private BearerToken get(String registry, URI realm, String service, List<Scope> scopes, ResolvedCredential credential) {
        List<String> params = new ArrayList<>();
        if (service != null) {
            params.add("service=" + enc(service));
        }
        scopes.forEach(s -> params.add("scope=" + enc(s.toString())));
        params.add("client_id=" + CLIENT_ID);
        HttpRequest.Builder req = transport.request(withQuery(realm, params)).GET();
        if (credential.credential() instanceof Credential.UsernamePassword up) {
            params.add("account=" + enc(up.username()));
            params.add("offline_token=true");
            req = transport.request(withQuery(realm, params)).GET()
                    .header("Authorization", basic(up.username(), up.password()));
        }
        trace(realm, "GET", service, scopes, credential);
        HttpResponse<InputStream> response = send(registry, req.build());
        return read(registry, realm, response, credential, scopes).orElseThrow();
    }

    private Optional<BearerToken> postForm(String registry, URI realm, String service, List<Scope> scopes,
                                           ResolvedCredential credential, Map<String, String> form,
                                           boolean emptyWhenUnsupported) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> {
            if (v != null) {
                body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(enc(v));
            }
        });
        HttpRequest req = transport.request(realm)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        trace(realm, "POST grant_type=" + form.get("grant_type"), service, scopes, credential);
        HttpResponse<InputStream> response = send(registry, req);
        int status = response.statusCode();
        if (emptyWhenUnsupported && (status == 404 || status == 405
                || (status == 400 || status == 401) && "refresh_token".equals(form.get("grant_type")))) {
            RegistryErrorBody.read(response.body());
            trace.record(TraceEvent.Kind.TOKEN, "token service answered POST with " + status + "; falling back");
            return Optional.empty();
        }
        return read(registry, realm, response, credential, scopes);
    }

    private HttpResponse<InputStream> send(String registry, HttpRequest request) {
        requests.incrementAndGet();
        return transport.send(request, registry);
    }

    private Optional<BearerToken> read(String registry, URI realm, HttpResponse<InputStream> response,
                                       ResolvedCredential credential, List<Scope> scopes) {
        int status = response.statusCode();
        if (status != 200) {
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            if (status == 401 || status == 403) {
                throw invalid(registry, realm, credential, status, body, null);
            }
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                            "token service " + RedactedUrl.of(realm.toString()) + " answered HTTP " + status)
                    .registry(registry)
                    .evidence("http_status", status)
                    .evidence("realm", RedactedUrl.of(realm.toString()))
                    .evidence("registry_error_code", body.code())
                    .evidence("registry_error_message", body.message())
                    .build();
        }
        TokenResponseJson json;
        try (InputStream in = response.body()) {
            json = JSON.readValue(in.readNBytes(1 << 20), TokenResponseJson.class);
        } catch (IOException e) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                    "token service " + RedactedUrl.of(realm.toString()) + " answered with invalid JSON")
                    .registry(registry).evidence("realm", RedactedUrl.of(realm.toString())).cause(e).build();
        }
        String token = json.token() != null && !json.token().isEmpty() ? json.token() : json.accessToken();
        if (token == null || token.isEmpty()) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                    "token service " + RedactedUrl.of(realm.toString()) + " answered without a token")
                    .registry(registry).evidence("realm", RedactedUrl.of(realm.toString())).build();
        }
        Instant issued = parseIssuedAt(json.issuedAt());
        Duration lifetime = json.expiresIn() != null && json.expiresIn() > 0
                ? Duration.ofSeconds(json.expiresIn()) : DEFAULT_LIFETIME;
        BearerToken bearer = new BearerToken(Secret.of(token), issued, issued.plus(lifetime),
                Optional.ofNullable(json.refreshToken()).filter(s -> !s.isEmpty()).map(Secret::of),
                JwtClaims.grantedAccess(token));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scopes_requested", scopes.toString());
        details.put("scopes_granted", bearer.granted().map(Object::toString).orElse("(opaque token)"));
        details.put("lifetime_seconds", String.valueOf(lifetime.toSeconds()));
        details.put("refresh_token", bearer.refreshToken().isPresent() ? "yes" : "no");
        trace.record(TraceEvent.Kind.TOKEN, "token issued, lifetime " + lifetime.toSeconds() + " s, granted "
                + details.get("scopes_granted"), details);
        return Optional.of(bearer);
    }

    private Instant parseIssuedAt(String issuedAt) {
        Instant now = clock.instant();
        if (issuedAt == null || issuedAt.isBlank()) {
            return now;
        }
        try {
            Instant at = OffsetDateTime.parse(issuedAt).toInstant();
            // A token service whose clock runs ahead must not make us hold tokens past their real expiry.
            return at.isAfter(now) ? now : at;
        } catch (java.time.format.DateTimeParseException e) {
            return now;
        }
    }

    private static RegistryException invalid(String registry, URI realm, ResolvedCredential credential, int status,
                                             RegistryErrorBody body, String why) {
        boolean anonymous = credential.isAnonymous();
        String message = why != null ? why : anonymous
                ? "token service of " + registry + " refused anonymous access (HTTP " + status + ")"
                : "token service of " + registry + " rejected the credentials from " + credential.origin()
                        + " (HTTP " + status + ")";
        return RegistryException.builder(anonymous ? FailureCode.AUTH_NO_CREDENTIALS : FailureCode.AUTH_INVALID_CREDENTIALS,
                        message)
                .registry(registry)
                .evidence("http_status", status)
                .evidence("realm", RedactedUrl.of(realm.toString()))
                .evidence("registry_error_code", body.code())
                .evidence("registry_error_message", body.message())
                .evidence("credential_source", credential.origin())
                .evidence("credential_kind", credential.credential().kind())
                .build();
    }

    private void trace(URI realm, String how, String service, List<Scope> scopes, ResolvedCredential credential) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("realm", RedactedUrl.of(realm.toString()));
        details.put("service", String.valueOf(service));
        details.put("scopes", scopes.toString());
        details.put("credential", credential.credential().kind() + " from " + credential.origin());
        trace.record(TraceEvent.Kind.TOKEN, "token request " + how + " " + RedactedUrl.of(realm.toString())
                + " scopes=" + scopes, details);
    }

    private static Map<String, String> refreshGrant(Secret refreshToken, String user, String service, List<Scope> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.put("service", service);
        form.put("scope", scopeString(scopes));
        form.put("client_id", CLIENT_ID);
        form.put("access_type", "offline");
        return form;
    }

    private static Map<String, String> passwordGrant(Credential.UsernamePassword up, String service, List<Scope> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", up.username());
        form.put("password", up.password().reveal());
        form.put("service", service);
        form.put("scope", scopeString(scopes));
        form.put("client_id", CLIENT_ID);
        form.put("access_type", "offline");
        return form;
    }

    private static String scopeString(List<Scope> scopes) {
        return scopes.isEmpty() ? null : String.join(" ", scopes.stream().map(Scope::toString).toList());
    }

    static String basic(String user, Secret password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    private static URI withQuery(URI base, List<String> params) {
        String sep = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + sep + String.join("&", params));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
