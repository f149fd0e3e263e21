package io.stella.registry.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.CredentialBuilderBase;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.http.SslContexts;
import io.stella.registry.http.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Gets Entra ID access tokens with azure-identity over the JDK HTTP client. The authority is
 * {@code AZURE_AUTHORITY_HOST} from the context's environment (sovereign clouds, tests), else the public cloud;
 * extra CAs for it come from {@code REQUESTS_CA_BUNDLE} (as for the Azure CLI behind a TLS-inspecting proxy).
 */
final class AadTokenSource {
    static final String PUBLIC_AUTHORITY = "https://login.microsoftonline.com/";
    static final String MANAGEMENT_SCOPE = "https://management.azure.com/.default";
    static final String SCOPE = "scope";

    private final ProviderContext context;
    private final String authorityHost;
    private final boolean customAuthority;
    private final String scope;

    AadTokenSource(ProviderContext context) {
        this.context = context;
        this.customAuthority = context.env("AZURE_AUTHORITY_HOST").isPresent();
        this.authorityHost = context.env("AZURE_AUTHORITY_HOST").orElse(PUBLIC_AUTHORITY);
        this.scope = context.cloud().string(SCOPE).orElse(MANAGEMENT_SCOPE);
    }

    String authorityHost() {
        return authorityHost;
    }

    String scope() {
        return scope;
    }

    /** @throws io.stella.registry.failure.RegistryException classified by {@link AadFailures} */
    AadToken token(AzureIdentity identity) {
        TokenCredential credential = credential(identity);
        try {
            AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
            if (token == null || token.getToken() == null || token.getToken().isBlank()) {
                throw new IllegalStateException("Entra ID answered without an access token");
            }
            return AadToken.of(token.getToken(), token.getExpiresAt().toInstant());
        } catch (RuntimeException e) {
            throw AadFailures.classify(e, identity, authorityHost, context.registry().hostKey());
        }
    }

    private TokenCredential credential(AzureIdentity identity) {
        return switch (identity) {
            case AzureIdentity.ServicePrincipalSecret sp -> aad(new ClientSecretCredentialBuilder()
                    .clientSecret(sp.secret().reveal()), sp.tenant(), sp.client()).build();
            case AzureIdentity.ServicePrincipalCertificate sp -> certificate(sp);
            case AzureIdentity.WorkloadIdentity wi -> aad(new WorkloadIdentityCredentialBuilder()
                    .tokenFilePath(wi.tokenFile().toString()), wi.tenant(), wi.client()).build();
            case AzureIdentity.ManagedIdentity mi -> {
                ManagedIdentityCredentialBuilder builder = common(new ManagedIdentityCredentialBuilder());
                mi.userAssignedClientId().ifPresent(builder::clientId);
                yield builder.build();
            }
        };
    }

    private TokenCredential certificate(AzureIdentity.ServicePrincipalCertificate sp) {
        ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder();
        String file = sp.certificateFile().toString();
        if (isPfx(sp.certificateFile())) {
            builder.pfxCertificate(file);
            context.env("AZURE_CLIENT_CERTIFICATE_PASSWORD").ifPresent(builder::clientCertificatePassword);
        } else {
            builder.pemCertificate(file);
        }
        return aad(builder, sp.tenant(), sp.client()).build();
    }

    private static boolean isPfx(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".pfx") || name.endsWith(".p12");
    }

    private <T extends AadCredentialBuilderBase<T>> T aad(T builder, String tenant, String client) {
        builder.tenantId(tenant).clientId(client).authorityHost(authorityHost);
        if (customAuthority) {
            // instance discovery asks login.microsoftonline.com whether the authority is a known cloud
            builder.disableInstanceDiscovery();
        }
        return common(builder);
    }

    private <T extends CredentialBuilderBase<T>> T common(T builder) {
        return builder.httpClient(httpClient())
                .configuration(configuration())
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                        .setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(2))));
    }

    private HttpClient httpClient() {
        List<Path> extraCas = context.env("REQUESTS_CA_BUNDLE").map(Path::of).map(List::of).orElse(List.of());
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                .sslContext(SslContexts.forSettings(new TlsSettings(extraCas, false)));
        return new JdkHttpClientBuilder(jdk).connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** The SDK reads IDENTITY_ENDPOINT, AZURE_* … from here: the context's environment, not the process's. */
    private Configuration configuration() {
        Map<String, String> env = context.env();
        return new ConfigurationBuilder(source -> Map.of(), source -> Map.of(), source -> env).build();
    }
}
