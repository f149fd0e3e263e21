package io.stella.registry.aws;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/** {@code ecr:GetAuthorizationToken}: the registry password ECR issues for 12 hours, as user "AWS". */
public final class EcrTokens {
    static final String USER = "AWS";

    private EcrTokens() {
    }

    // registryIds is deprecated (a token opens every registry the principal may pull from); it is still sent so
    // that the answer's proxyEndpoint is the registry the token was asked for
    @SuppressWarnings("deprecation")
    public static ResolvedCredential fetch(AwsClients clients, AwsIdentity identity, EcrTarget target) {
        GetAuthorizationTokenResponse response;
        try (EcrClient ecr = clients.ecr(identity.credentials(), target)) {
            response = ecr.getAuthorizationToken(r -> target.registryId().ifPresent(r::registryIds));
        } catch (SdkException e) {
            throw AwsFailures.classify(e, "ecr:GetAuthorizationToken", identity, target.host());
        }
        AuthorizationData data = response.authorizationData().stream().findFirst()
                .orElseThrow(() -> malformed(target, "no authorizationData"));
        if (data.authorizationToken() == null) {
            throw malformed(target, "no authorizationToken");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(target, "authorizationToken is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw malformed(target, "authorizationToken is not user:password");
        }
        Credential credential = new Credential.UsernamePassword(decoded.substring(0, colon),
                Secret.of(decoded.substring(colon + 1)));
        CredentialOrigin origin = new CredentialOrigin("cloud:ecr", "ecr:GetAuthorizationToken"
                + target.registryId().map(id -> " for registry " + id).orElse("") + " in " + target.region() + " as "
                + identity.describe());
        return new ResolvedCredential(credential, origin, Optional.ofNullable(data.expiresAt()));
    }

    private static RegistryException malformed(EcrTarget target, String what) {
        return RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                        "ecr:GetAuthorizationToken answered without a usable token: " + what)
                .registry(target.host())
                .hint("Check AWS_ENDPOINT_URL_ECR / AWS_ENDPOINT_URL and any proxy: the answer did not come from ECR.")
                .build();
    }
}
