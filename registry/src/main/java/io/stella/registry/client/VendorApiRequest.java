package io.stella.registry.client;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.ResolvedCredential;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GET of a registry product's own REST API (outside {@code /v2}), run by
 * {@link RegistrySession#executeVendorApi}.
 *
 * @param url         absolute http(s) URL
 * @param headers     extra request headers; never {@code Authorization}, which the session sets
 * @param apiToken    a Bearer token for that API, sent instead of the registry credential (Quay's API takes
 *                    OAuth access tokens only)
 * @param description what is being done, for messages ("Harbor projects")
 */
public record VendorApiRequest(URI url, Map<String, String> headers, Optional<Secret> apiToken, String description) {

    /** How a vendor API call authenticates. */
    public enum Auth {
        /** The request's API token as Bearer. */
        API_TOKEN,
        /** The registry credential's username and password as HTTP Basic. */
        BASIC,
        /** Anonymous: no credential, or one without a username and password. */
        NONE;

        /** The name used in traces and failure evidence ("api-token", "basic", "none"). */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public VendorApiRequest {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("vendor API URL must be absolute http(s): " + url);
        }
        headers = Map.copyOf(headers);
        if (headers.keySet().stream().anyMatch("authorization"::equalsIgnoreCase)) {
            throw new IllegalArgumentException("the session sets Authorization itself");
        }
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(description, "description");
    }

    /** What the call will send with this credential. */
    public Auth auth(ResolvedCredential credential) {
        return auth(apiToken, credential);
    }

    /** What a vendor API call sends, given an optional API token and the registry credential. */
    public static Auth auth(Optional<Secret> apiToken, ResolvedCredential credential) {
        if (apiToken.isPresent()) {
            return Auth.API_TOKEN;
        }
        return credential.credential() instanceof Credential.UsernamePassword ? Auth.BASIC : Auth.NONE;
    }
}
