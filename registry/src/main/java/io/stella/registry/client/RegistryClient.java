package io.stella.registry.client;

import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.auth.CredentialLease;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.TokenCache;
import io.stella.registry.auth.TokenClient;
import io.stella.registry.auth.TokenFlow;
import io.stella.registry.config.RegistryType;
import io.stella.registry.http.EnvProxySelector;
import io.stella.registry.http.HttpTransport;
import io.stella.registry.http.NetworkSettings;
import io.stella.registry.http.RateLimitStatus;
import io.stella.registry.http.Sleeper;
import io.stella.registry.http.TlsSettings;
import io.stella.registry.manifest.Descriptor;
import io.stella.registry.manifest.Manifest;
import io.stella.registry.trace.Trace;
import io.stella.registry.vendor.RegistryVendor;
import io.stella.registry.vendor.VendorExplainer;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The OCI distribution client for one registry, with one credential. Every call goes through one
 * {@link RegistrySession}: ping, authentication, re-authentication, retries, redirects, failure codes.
 */
public final class RegistryClient {
    private final RegistrySession session;

    private RegistryClient(RegistrySession session) {
        this.session = session;
    }

    public static Builder builder(Endpoint endpoint) {
        return new Builder(endpoint);
    }

    public RegistrySession session() {
        return session;
    }

    public PingResult ping() {
        return session.ping();
    }

    /**
     * Proves the credential works: {@code GET /v2/} with it (a token without scopes for Bearer
     * registries). Fails with the AUTH_* code that explains a rejection.
     */
    public void authenticate() {
        var response = session.execute(new RegistryRequest("GET", "/v2/", List.of(), Optional.empty(),
                "authentication check", RegistryRequest.Subject.OTHER, false));
        try (InputStream ignored = response.body()) {
            ignored.readNBytes(64 * 1024);
        } catch (java.io.IOException e) {
            // the status already answered the question
        }
    }

    public Manifest manifest(String repository, String reference) {
        return ManifestPuller.pull(session, repository, reference);
    }

    /**
     * The digest the tag (or digest) points at now, by {@code HEAD}: no manifest or blob download. Empty
     * when the registry says the manifest is not there.
     */
    public Optional<String> manifestDigest(String repository, String reference) {
        return ManifestDigestReader.digest(session, repository, reference);
    }

    /** Resolves a reference to one image manifest, choosing from an index by platform. */
    public ResolvedImage resolve(ImageReference reference, Optional<Platform> platform) {
        return ImageResolver.resolve(session, reference, platform);
    }

    /** {@code HEAD} of a blob: its size as the registry reports it. */
    public OptionalLong headBlob(String repository, String digest) {
        return BlobPuller.head(session, repository, digest);
    }

    /**
     * A verifying stream of the blob. Reading fails with {@link BlobReadException} (carrying the named
     * failure) on digest mismatch, stalls and broken connections.
     */
    public InputStream openBlob(String repository, Descriptor blob) {
        return BlobPuller.open(session, repository, blob);
    }

    public List<String> tags(String repository) {
        return TagLister.list(session, repository, 1000);
    }

    public List<String> catalog(int pageSize) {
        return CatalogLister.list(session, pageSize);
    }

    public int tokenRequests() {
        return session.tokenRequests();
    }

    /**
     * The latest rate-limit status the registry reported ({@code ratelimit-limit}/{@code ratelimit-remaining}
     * headers of Docker Hub's manifest responses); empty until a response carried readable ones.
     */
    public Optional<RateLimitStatus> rateLimit() {
        return session.rateLimit();
    }

    public static final class Builder {
        private final Endpoint endpoint;
        private CredentialLease lease = CredentialLease.fixed(ResolvedCredential.anonymous());
        private TlsSettings tls = TlsSettings.DEFAULT;
        private NetworkSettings network = NetworkSettings.DEFAULT;
        private Map<String, String> environment = System.getenv();
        private Trace trace;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private double refreshFraction = 0.75;
        private TokenFlow tokenFlow = TokenFlow.GET;
        private TokenCache tokenCache;
        private RequestLimit requestLimit = RequestLimit.NONE;
        private Optional<RegistryType> vendor = Optional.empty();

        private Builder(Endpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint);
        }

        /** A credential used as it is for the client's life. */
        public Builder credential(ResolvedCredential credential) {
            this.lease = CredentialLease.fixed(Objects.requireNonNull(credential));
            return this;
        }

        /** A credential that renews itself before expiry and after a rejection. */
        public Builder credential(CredentialLease lease) {
            this.lease = Objects.requireNonNull(lease);
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls);
            return this;
        }

        public Builder network(NetworkSettings network) {
            this.network = Objects.requireNonNull(network);
            return this;
        }

        /** Where HTTPS_PROXY/HTTP_PROXY/NO_PROXY are read from (default: the process environment). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        public Builder trace(Trace trace) {
            this.trace = trace;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        /** Refresh tokens after this fraction of their lifetime (default 0.75). */
        public Builder refreshFraction(double fraction) {
            this.refreshFraction = fraction;
            return this;
        }

        public Builder tokenFlow(TokenFlow flow) {
            this.tokenFlow = Objects.requireNonNull(flow);
            return this;
        }

        /** Shares a token cache between clients (e.g. the workers of a registry scan). */
        public Builder tokenCache(TokenCache cache) {
            this.tokenCache = cache;
            return this;
        }

        /** Caps concurrent requests to the registry (shared by every caller of the client). */
        public Builder requestLimit(RequestLimit limit) {
            this.requestLimit = Objects.requireNonNull(limit);
            return this;
        }

        /**
         * The kind of registry, for failures explained in its vendor's terms. Unset or GENERIC: detected from
         * the host ({@code ghcr.io}, {@code *.azurecr.io} …; self-hosted Harbor, Nexus, Artifactory need the type).
         */
        public Builder vendor(RegistryType type) {
            this.vendor = Optional.of(type);
            return this;
        }

        public RegistryClient build() {
            Trace t = trace != null ? trace : new Trace(clock);
            TlsSettings effectiveTls = endpoint.insecure() && !tls.insecureSkipVerify()
                    ? new TlsSettings(tls.caCertificates(), true) : tls;
            HttpTransport transport = new HttpTransport(effectiveTls, network, EnvProxySelector.fromEnvironment(environment),
                    t, sleeper, clock);
            TokenClient tokens = new TokenClient(transport, t, clock, tokenFlow, endpoint.insecure());
            TokenCache cache = tokenCache != null ? tokenCache : new TokenCache(refreshFraction);
            VendorExplainer explainer = VendorExplainer.forVendor(RegistryVendor.of(vendor, endpoint.registry()));
            return new RegistryClient(new RegistrySession(endpoint, lease, transport, tokens, cache, t, clock,
                    requestLimit, explainer));
        }
    }
}
