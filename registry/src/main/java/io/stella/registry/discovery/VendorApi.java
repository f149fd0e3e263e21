package io.stella.registry.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Secret;
import io.stella.registry.client.Endpoint;
import io.stella.registry.client.RegistrySession;
import io.stella.registry.client.VendorApiRequest;
import io.stella.registry.http.RegistryErrorBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vendor's API as seen from one registry session: where it is, how calls authenticate, and GETs of JSON
 * whose non-2xx answers become {@link VendorFailures}.
 */
final class VendorApi {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Bounds every paginated listing, so that a server that never stops paging cannot hang a scan. */
    static final int MAX_PAGES = 100_000;

    private final RegistrySession session;
    private final Vendor vendor;
    private final URI base;
    private final Optional<Secret> apiToken;

    VendorApi(RegistrySession session, Vendor vendor, URI base, Optional<Secret> apiToken) {
        this.session = session;
        this.vendor = vendor;
        this.base = base;
        this.apiToken = apiToken;
    }

    /**
     * The API of the session's registry: at the options' API URL, or on the registry host (under the
     * vendor's default path) with the scheme the registry is reached by. Only a registry that may be plain
     * HTTP needs the {@code /v2/} ping to learn its scheme.
     */
    static VendorApi connect(RegistrySession session, Vendor vendor, VendorDiscoveryOptions options) {
        URI base = options.apiUrl().orElseGet(() -> {
            Endpoint endpoint = session.endpoint();
            List<String> schemes = endpoint.schemes();
            String scheme = schemes.size() == 1 ? schemes.getFirst() : session.ping().base().getScheme();
            return URI.create(scheme + "://" + endpoint.apiHost() + "/").resolve(vendor.defaultPath());
        });
        return new VendorApi(session, vendor, base, options.apiToken());
    }

    Vendor vendor() {
        return vendor;
    }

    RegistrySession session() {
        return session;
    }

    String registry() {
        return session.endpoint().registry();
    }

    VendorApiRequest.Auth auth() {
        return VendorApiRequest.auth(apiToken, session.credential());
    }

    /** A URL under the API base, from a relative path and query. */
    URI url(String relativePathAndQuery) {
        return base.resolve(relativePathAndQuery);
    }

    static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String queryValue(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * GETs JSON. A 404 is empty, unless {@code apiRoot}: then it means the vendor API is not at this URL.
     * Every other non-2xx answer, and a body that is not JSON of the expected shape, is a failure.
     */
    <T> Optional<VendorPage<T>> get(URI url, Map<String, String> headers, Class<T> type, String what, boolean apiRoot) {
        VendorApiRequest request = new VendorApiRequest(url, headers, apiToken, vendor.displayName() + ": " + what);
        HttpResponse<InputStream> response = session.executeVendorApi(request);
        int status = response.statusCode();
        if (status / 100 != 2) {
            RegistryErrorBody body = RegistryErrorBody.read(response.body());
            if (status == 404 && !apiRoot) {
                return Optional.empty();
            }
            throw VendorFailures.forStatus(this, request, what, response, body, apiRoot);
        }
        T parsed;
        try (InputStream in = response.body()) {
            parsed = JSON.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw VendorFailures.invalidJson(this, url, what, response, e);
        } catch (IOException e) {
            throw VendorFailures.unreadable(this, url, what, e);
        }
        if (parsed == null) {
            throw VendorFailures.protocol(this, url, what + ": the answer is JSON null");
        }
        return Optional.of(new VendorPage<>(parsed, response.headers(), url));
    }
}
