package io.stella.registry.gcp;

import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CredentialProvider;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials for Artifact Registry ({@code <location>-docker.pkg.dev}) and Container Registry ({@code gcr.io})
 * from a Google identity: an OAuth2 access token as the password of {@code oauth2accesstoken} (default), or a
 * service account key as the password of {@code _json_key} ({@code cloud.auth_mode: json_key}). Artifact Registry
 * repositories are discovered through its REST API.
 */
public final class GcpCredentialProvider implements CredentialProvider {
    static final String NAME = "gcp";
    static final String TOKEN_USER = "oauth2accesstoken";
    static final String JSON_KEY_USER = "_json_key";

    private final AccessTokens tokens;
    private final GcpHttp http;

    public GcpCredentialProvider() {
        this(new GcpHttp(Optional.empty()), true);
    }

    /** @param retry whether google-auth retries failed token requests (with seconds of backoff) */
    GcpCredentialProvider(GcpHttp http, boolean retry) {
        this.tokens = new AccessTokens(new GoogleCredentialsFactory(http, retry));
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<RegistryType> types() {
        return Set.of(RegistryType.GAR, RegistryType.GCR);
    }

    @Override
    public Set<String> settingKeys() {
        return GcpSettings.KEYS;
    }

    /** For its own entry's host, when configured or when an ambient identity (ADC) exists; else docker's files answer. */
    @Override
    public boolean answers(ProviderContext context, String registryHost) {
        if (!types().contains(context.registry().type()) || !registryHost.equals(context.registry().hostKey())) {
            return false;
        }
        return !context.cloud().isEmpty() || IdentityLocator.locate(context, GcpSettings.of(context)).isPresent();
    }

    @Override
    public ResolvedCredential fetch(ProviderContext context, String registryHost) {
        GcpSettings settings = GcpSettings.of(context);
        GcpIdentity identity = IdentityLocator.require(context, settings);
        if (settings.jsonKeyMode()) {
            GcpIdentity.CredentialFile key = jsonKey(context, identity);
            return new ResolvedCredential(new Credential.UsernamePassword(JSON_KEY_USER, key.content()),
                    new CredentialOrigin(source(), "service account key " + key.json().privateKeyId() + " of "
                            + key.json().clientEmail() + " as _json_key, from " + key.path() + " (" + key.foundVia() + ")"));
        }
        GcpAccessToken token = tokens.mint(context, identity);
        return new ResolvedCredential(new Credential.UsernamePassword(TOKEN_USER, token.value()),
                new CredentialOrigin(source(), "access token of " + identity.principal() + ", " + identity.source()),
                token.expiresAt());
    }

    @Override
    public IdentityReport identity(ProviderContext context) {
        return new IdentityReports(tokens).status(context);
    }

    @Override
    public IdentityReport verify(ProviderContext context) {
        return new IdentityReports(tokens).verify(context, http.client(context));
    }

    @Override
    public IdentityReport federation(ProviderContext context) {
        return new FederationReport(tokens).explain(context);
    }

    @Override
    public List<ProvidedRepository> repositories(ProviderContext context) {
        GcpSettings settings = GcpSettings.of(context);
        if (GcpRegistryHost.parse(context.registry().hostKey()).containerRegistry()) {
            return List.of();
        }
        GcpIdentity identity = IdentityLocator.require(context, settings);
        Optional<GarTarget> target = GarTarget.of(context, settings, identity.project());
        if (target.isEmpty()) {
            return List.of();
        }
        GcpAccessToken token = tokens.mint(context, identity);
        ArtifactRegistryApi api = new ArtifactRegistryApi(http.client(context), context, GcpEndpoints.of(context), token,
                identity.principal());
        return GarDiscovery.discover(context, api, target.get());
    }

    static String source() {
        return "cloud:" + NAME;
    }

    private static GcpIdentity.CredentialFile jsonKey(ProviderContext context, GcpIdentity identity) {
        if (identity instanceof GcpIdentity.CredentialFile file && file.type().equals(CredentialFiles.SERVICE_ACCOUNT)) {
            return file;
        }
        throw RegistryException.builder(FailureCode.CONFIG_INVALID, "registry " + context.registry().name()
                        + ": cloud.auth_mode json_key needs a service account key, but the identity is "
                        + identity.type() + " (" + identity.source() + ")")
                .registry(context.registry().hostKey())
                .hint("Set cloud." + GcpSettings.KEY_FILE + " to a service account key file, or remove cloud."
                        + GcpSettings.AUTH_MODE + " to use an access token (works with every identity).")
                .build();
    }
}
