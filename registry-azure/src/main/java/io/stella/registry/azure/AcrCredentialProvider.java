package io.stella.registry.azure;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.auth.provider.CredentialProvider;
import io.stella.registry.auth.provider.IdentityReport;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.config.RegistryType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Azure Container Registry credentials from an Entra ID identity: service principal (secret or certificate),
 * managed identity, AKS workload identity, or the {@code AZURE_CLIENT_*} environment. The Entra ID access token
 * is exchanged at the registry's {@code /oauth2/exchange} for an ACR refresh token, handed to the core as an
 * identity token (what {@code az acr login} writes to docker's config), so the core's token flow gets pull
 * tokens for it at {@code /oauth2/token}.
 *
 * <p>The admin user and repository-scoped tokens are plain Basic credentials: configured under
 * {@code credentials:}, they take precedence and this provider stays out of the way.
 *
 * <p>Discovery: none through an Azure API. ACR serves {@code /v2/_catalog} to identities with
 * {@code registry:catalog:*} (AcrPull and above), which the core uses.
 */
public final class AcrCredentialProvider implements CredentialProvider {
    /** The user name ACR expects with a refresh token (docker's identity token). */
    static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    @Override
    public String name() {
        return "acr";
    }

    @Override
    public Set<RegistryType> types() {
        return Set.of(RegistryType.ACR);
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of(AzureIdentities.TENANT_ID, AzureIdentities.CLIENT_ID, AzureIdentities.CLIENT_SECRET_ENV,
                AzureIdentities.CLIENT_CERTIFICATE_FILE, AzureIdentities.MANAGED_IDENTITY_CLIENT_ID,
                AzureIdentities.AUTH, AadTokenSource.SCOPE);
    }

    /**
     * Only for the entry's own host (ACR finds no other registries), only without {@code credentials:}, and only
     * when an identity is named somewhere.
     */
    @Override
    public boolean answers(ProviderContext context, String registryHost) {
        return types().contains(context.registry().type())
                && context.registry().hostKey().equalsIgnoreCase(registryHost)
                && !context.registry().credentials().isConfigured()
                && AzureIdentities.anyConfigured(context);
    }

    @Override
    public ResolvedCredential fetch(ProviderContext context, String registryHost) {
        AzureIdentity identity = AzureIdentities.resolve(context);
        AadToken aadToken = new AadTokenSource(context).token(identity);
        AcrTokenExchange acr = new AcrTokenExchange(context);
        Secret refreshToken = acr.refreshToken(registryHost, acr.endpoint(registryHost), aadToken,
                tenantOf(identity, aadToken), identity);
        Optional<Instant> expiry = Stream.of(JwtPayload.of(refreshToken.reveal()).flatMap(JwtPayload::expiry),
                        Optional.of(aadToken.expiresAt()))
                .flatMap(Optional::stream).min(Instant::compareTo);
        return new ResolvedCredential(new Credential.IdentityToken(REFRESH_TOKEN_USER, refreshToken),
                new CredentialOrigin("cloud:" + name(), identity.describe()), expiry);
    }

    @Override
    public IdentityReport identity(ProviderContext context) {
        return new AcrIdentityReports(context).status();
    }

    @Override
    public IdentityReport verify(ProviderContext context) {
        return new AcrIdentityReports(context).verify();
    }

    @Override
    public IdentityReport federation(ProviderContext context) {
        return new AcrIdentityReports(context).federation();
    }

    /** None: ACR has no listing API that {@code /v2/_catalog} does not already give. */
    @Override
    public List<ProvidedRepository> repositories(ProviderContext context) {
        return List.of();
    }

    static Optional<String> tenantOf(AzureIdentity identity, AadToken aadToken) {
        return identity.tenantId().or(() -> aadToken.claim("tid"));
    }
}
