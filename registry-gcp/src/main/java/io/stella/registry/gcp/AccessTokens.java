package io.stella.registry.gcp;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.stella.registry.Secret;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** Gets a fresh access token for an identity: one token request (chain) per call, never google-auth's cache. */
final class AccessTokens {
    private final GoogleCredentialsFactory factory;

    AccessTokens(GoogleCredentialsFactory factory) {
        this.factory = factory;
    }

    GcpAccessToken mint(ProviderContext context, GcpIdentity identity) {
        if (identity instanceof GcpIdentity.ComputeEngine metadata) {
            return MetadataServer.token(context, metadata);
        }
        requireSubjectToken(context, identity);
        return refresh(context, identity, factory.credentials(context, identity));
    }

    /** The STS token of a federated identity, before impersonation. */
    GcpAccessToken mintFederatedOnly(ProviderContext context, GcpIdentity identity) {
        requireSubjectToken(context, identity);
        return refresh(context, identity, factory.federatedOnly(context, identity));
    }

    private static void requireSubjectToken(ProviderContext context, GcpIdentity identity) {
        if (identity instanceof GcpIdentity.ConfiguredFederation federation
                && !Files.isReadable(federation.subjectTokenFile())) {
            throw RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, "the workload's OIDC token "
                            + federation.subjectTokenFile() + " (cloud." + GcpSettings.SUBJECT_TOKEN_FILE + ") is missing "
                            + "or unreadable")
                    .registry(context.registry().hostKey())
                    .hint("Mount the token there (Kubernetes: a projected serviceAccountToken volume with audience "
                            + federation.provider().audience() + "; CI: write the job's ID token to the file), or "
                            + "correct cloud." + GcpSettings.SUBJECT_TOKEN_FILE + ".")
                    .evidence("subject_token_file", federation.subjectTokenFile())
                    .build();
        }
    }

    private static GcpAccessToken refresh(ProviderContext context, GcpIdentity identity, GoogleCredentials credentials) {
        AccessToken token;
        try {
            token = credentials.refreshAccessToken();
        } catch (IOException e) {
            throw TokenFailures.of(context, identity, e);
        }
        if (token == null || token.getTokenValue() == null || token.getTokenValue().isEmpty()) {
            throw RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                            "Google answered the token request for " + identity.principal() + " without an access token")
                    .registry(context.registry().hostKey())
                    .hint("Check the token endpoint of " + identity.source() + ".")
                    .build();
        }
        return new GcpAccessToken(Secret.of(token.getTokenValue()),
                Optional.ofNullable(token.getExpirationTime()).map(java.util.Date::toInstant));
    }
}
