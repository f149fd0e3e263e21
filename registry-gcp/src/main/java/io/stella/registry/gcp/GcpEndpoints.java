package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import java.net.URI;

/**
 * The Google API endpoints used beyond the token endpoint a credential file names itself ({@code token_uri},
 * {@code token_url}). Each can be overridden by an environment variable of the context, e.g. to reach the APIs
 * through Private Service Connect, or a test's loopback stand-in:
 * {@value #STS_ENV}, {@value #IAM_CREDENTIALS_ENV}, {@value #ARTIFACT_REGISTRY_ENV}.
 */
record GcpEndpoints(URI sts, URI iamCredentials, URI artifactRegistry) {
    static final String STS_ENV = "STELLA_GCP_STS_ENDPOINT";
    static final String IAM_CREDENTIALS_ENV = "STELLA_GCP_IAMCREDENTIALS_ENDPOINT";
    static final String ARTIFACT_REGISTRY_ENV = "STELLA_GCP_ARTIFACTREGISTRY_ENDPOINT";

    static GcpEndpoints of(ProviderContext context) {
        return new GcpEndpoints(
                endpoint(context, STS_ENV, "https://sts.googleapis.com"),
                endpoint(context, IAM_CREDENTIALS_ENV, "https://iamcredentials.googleapis.com"),
                endpoint(context, ARTIFACT_REGISTRY_ENV, "https://artifactregistry.googleapis.com"));
    }

    /** STS's token exchange, {@code POST /v1/token}. */
    String stsToken() {
        return base(sts) + "/v1/token";
    }

    /** IAM Credentials' {@code generateAccessToken} for a service account. */
    String generateAccessToken(String serviceAccount) {
        return base(iamCredentials) + "/v1/projects/-/serviceAccounts/" + serviceAccount + ":generateAccessToken";
    }

    String artifactRegistryBase() {
        return base(artifactRegistry);
    }

    private static URI endpoint(ProviderContext context, String variable, String fallback) {
        return URI.create(context.env(variable).orElse(fallback));
    }

    private static String base(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
