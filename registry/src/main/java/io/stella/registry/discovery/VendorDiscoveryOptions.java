package io.stella.registry.discovery;

import io.stella.registry.Secret;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What vendor discovery lists and how it reaches the vendor's API.
 *
 * @param namespaces the top-level containers to list; empty for all the credential can see. They are
 *                   Harbor projects, Quay organizations or users, Nexus repositories, Artifactory repository
 *                   keys. A named one is listed whatever its kind; left to discovery, Nexus group and
 *                   Artifactory virtual repositories are skipped, as their images are their members'.
 * @param apiUrl     the URL the vendor API's paths are relative to, when it is not the registry host:
 *                   Nexus serves its REST API on its main port, not on a docker connector port
 *                   ({@code https://nexus.example.com/}, with a context path if it has one); Artifactory's
 *                   default is the registry host's {@code /artifactory/}. Default: the registry host.
 * @param apiToken   a Bearer token for the vendor API, sent instead of the registry credential: a Quay OAuth
 *                   access token (Quay's API ignores username/password), an Artifactory access token, a
 *                   Harbor OIDC ID token. Default: the registry's username and password as HTTP Basic.
 */
public record VendorDiscoveryOptions(List<String> namespaces, Optional<URI> apiUrl, Optional<Secret> apiToken) {

    private static final VendorDiscoveryOptions ALL = new VendorDiscoveryOptions(List.of(), Optional.empty(),
            Optional.empty());

    public VendorDiscoveryOptions {
        Set<String> cleaned = new LinkedHashSet<>();
        for (String n : namespaces) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("a discovery namespace is empty");
            }
            if (n.contains("/")) {
                throw new IllegalArgumentException("discovery namespace '" + n + "' contains '/': namespaces are "
                        + "projects, organizations or repository keys, not image repositories");
            }
            cleaned.add(n.strip());
        }
        namespaces = List.copyOf(cleaned);
        apiUrl = Objects.requireNonNull(apiUrl, "apiUrl").map(VendorDiscoveryOptions::checkedApiUrl);
        Objects.requireNonNull(apiToken, "apiToken");
    }

    /** Everything the registry credential can see, through the API on the registry host. */
    public static VendorDiscoveryOptions all() {
        return ALL;
    }

    public VendorDiscoveryOptions withNamespaces(List<String> names) {
        return new VendorDiscoveryOptions(names, apiUrl, apiToken);
    }

    public VendorDiscoveryOptions withApiUrl(URI url) {
        return new VendorDiscoveryOptions(namespaces, Optional.of(url), apiToken);
    }

    public VendorDiscoveryOptions withApiToken(Secret token) {
        return new VendorDiscoveryOptions(namespaces, apiUrl, Optional.of(token));
    }

    private static URI checkedApiUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("vendor API URL '" + url + "' must be an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("vendor API URL '" + url.getHost()
                    + "…' must not carry user info, a query or a fragment");
        }
        // A base for relative resolution: "https://host/nexus" must resolve "service/…" under /nexus/.
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return URI.create(scheme + "://" + url.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }
}
