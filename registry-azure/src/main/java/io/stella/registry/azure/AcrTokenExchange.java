package io.stella.registry.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Secret;
import io.stella.registry.auth.Challenge;
import io.stella.registry.auth.ChallengeParser;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.azure.wire.AcrExchangeResponseJson;
import io.stella.registry.azure.wire.AcrTokenResponseJson;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.HttpTransport;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.RegistryErrorBody;
import io.stella.registry.http.Sleeper;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ACR's side of the sign-in: the registry's Bearer challenge names its token endpoint
 * ({@code https://<registry>/oauth2/token}); {@code /oauth2/exchange} on the same origin trades an Entra ID
 * access token for an ACR refresh token, which the core's token flow then exchanges for pull tokens.
 */
final class AcrTokenExchange {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACR_PULL_HINT = "Grant the identity the AcrPull role on the registry: az role "
            + "assignment create --assignee <client or object id> --role AcrPull --scope $(az acr show --name "
            + "<registry> --query id -o tsv)";

    /** Where and for which service the exchange is done, from the registry's challenge. */
    record Endpoint(URI realm, URI exchange, String service) {
    }

    private final ProviderContext context;
    private final HttpTransport transport;

    AcrTokenExchange(ProviderContext context) {
        this.context = context;
        List<java.nio.file.Path> cas = context.registry().tls().caCertPath().map(List::of).orElse(List.of());
        NetworkSettings network = context.registry().timeoutDuration().map(NetworkSettings.DEFAULT::withTimeout)
                .orElse(NetworkSettings.DEFAULT);
        this.transport = new HttpTransport(new TlsSettings(cas, context.registry().tls().insecureSkipVerify()),
                network, Optional.empty(), new Trace(context.clock()), Sleeper.REAL, context.clock());
    }

    /** Asks {@code /v2/} for its Bearer challenge and derives the exchange endpoint from the realm. */
    Endpoint endpoint(String registryHost) {
        String scheme = context.registry().explicitHttp() ? "http" : "https";
        URI base = URI.create(scheme + "://" + registryHost + "/v2/");
        HttpResponse<InputStream> response = transport.send(transport.request(base).GET().build(), registryHost);
        drain(response);
        Optional<Challenge> bearer = ChallengeParser.parse(response.headers().allValues("WWW-Authenticate")).stream()
                .filter(Challenge::isBearer).findFirst();
        Optional<String> realm = bearer.flatMap(Challenge::realm);
        if (response.statusCode() != 401 || realm.isEmpty()) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR, "registry " + registryHost
                            + " did not answer /v2/ with a Bearer challenge, as Azure Container Registry does")
                    .registry(registryHost)
                    .hint("Check that the registry's type is acr and its url is <name>.azurecr.io.")
                    .evidence("http_status", response.statusCode())
                    .evidence("www_authenticate", response.headers().firstValue("WWW-Authenticate").orElse(null))
                    .build();
        }
        URI realmUri = URI.create(realm.get());
        URI exchange = realmUri.resolve("/oauth2/exchange");
        return new Endpoint(realmUri, exchange, bearer.get().service().orElse(registryHost));
    }

    /** {@code POST /oauth2/exchange} with {@code grant_type=access_token}: the ACR refresh token. */
    Secret refreshToken(String registryHost, Endpoint endpoint, AadToken aadToken, Optional<String> tenant,
                        AzureIdentity identity) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "access_token");
        form.put("service", endpoint.service());
        tenant.ifPresent(t -> form.put("tenant", t));
        form.put("access_token", aadToken.token().reveal());
        HttpResponse<InputStream> response = post(endpoint.exchange(), form, registryHost);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            throw RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE, "registry " + registryHost
                            + " refused the Entra ID token of " + identity.describe() + " (HTTP " + status + ")")
                    .registry(registryHost)
                    .hint("The identity has no role on the registry (principal "
                            + aadToken.claim("oid").or(identity::clientId).orElse("?") + "). " + ACR_PULL_HINT)
                    .evidence("http_status", status)
                    .evidence("exchange", endpoint.exchange())
                    .evidence("principal_object_id", aadToken.claim("oid").orElse(null))
                    .evidence("registry_error_code", body.code())
                    .evidence("registry_error_message", body.message())
                    .build();
        }
        expectOk(response, endpoint.exchange(), registryHost);
        String refresh = read(response, AcrExchangeResponseJson.class, endpoint.exchange(), registryHost).refreshToken();
        if (refresh == null || refresh.isBlank()) {
            throw malformed(endpoint.exchange(), registryHost, "an answer without refresh_token");
        }
        return Secret.of(refresh);
    }

    /** {@code POST /oauth2/token} with the refresh token for one scope: the access token, as the core would. */
    Secret accessToken(String registryHost, Endpoint endpoint, Secret refreshToken, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("service", endpoint.service());
        form.put("scope", scope);
        form.put("refresh_token", refreshToken.reveal());
        HttpResponse<InputStream> response = post(endpoint.realm(), form, registryHost);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            throw RegistryException.builder(FailureCode.AUTH_INSUFFICIENT_SCOPE, "registry " + registryHost
                            + " refused a token for " + scope + " (HTTP " + response.statusCode() + ")")
                    .registry(registryHost).hint(ACR_PULL_HINT)
                    .evidence("registry_error_message", body.message()).build();
        }
        expectOk(response, endpoint.realm(), registryHost);
        String token = read(response, AcrTokenResponseJson.class, endpoint.realm(), registryHost).accessToken();
        if (token == null || token.isBlank()) {
            throw malformed(endpoint.realm(), registryHost, "an answer without access_token");
        }
        return Secret.of(token);
    }

    private HttpResponse<InputStream> post(URI uri, Map<String, String> form, String registryHost) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = transport.request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return transport.send(request, registryHost);
    }

    private static void expectOk(HttpResponse<InputStream> response, URI uri, String registryHost) {
        if (response.statusCode() != 200) {
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR, uri.getPath() + " of "
                            + registryHost + " answered HTTP " + response.statusCode())
                    .registry(registryHost)
                    .hint(response.statusCode() == 404 ? "The registry has no " + uri.getPath()
                            + ": is it an Azure Container Registry? Set the entry's type to match it."
                            : "Retry; if it persists check https://azure.status.microsoft for ACR incidents.")
                    .evidence("http_status", response.statusCode())
                    .evidence("registry_error_code", body.code())
                    .evidence("registry_error_message", body.message())
                    .build();
        }
    }

    private static <T> T read(HttpResponse<InputStream> response, Class<T> type, URI uri, String registryHost) {
        try (InputStream in = response.body()) {
            return JSON.readValue(in.readNBytes(1 << 20), type);
        } catch (IOException e) {
            throw malformed(uri, registryHost, "invalid JSON");
        }
    }

    private static RegistryException malformed(URI uri, String registryHost, String what) {
        return RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR, uri.getPath() + " of " + registryHost
                        + " answered with " + what)
                .registry(registryHost)
                .evidence("url", uri)
                .build();
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // only the status and headers matter
        }
    }
}
