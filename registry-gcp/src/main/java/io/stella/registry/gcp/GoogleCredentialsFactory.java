package io.stella.registry.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.http.HttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * google-auth credentials for an identity, over {@link GcpHttp}'s transport. google-auth insists on https for STS and
 * IAM Credentials endpoints. Everything goes through the transport given here, and nothing through
 * {@code GoogleCredentials.getApplicationDefault()}: that reads the process environment and probes the GCE metadata
 * server, where stella reads the context's environment ({@link IdentityLocator}).
 */
final class GoogleCredentialsFactory {
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GcpHttp http;
    private final boolean retry;

    /**
     * @param retry whether google-auth retries a token request that failed with a server error, throttling or a
     *              network error (with backoff, several seconds); off only where a failure must show at once
     */
    GoogleCredentialsFactory(GcpHttp http, boolean retry) {
        this.http = http;
        this.retry = retry;
    }

    /** The credentials of the identity, impersonating its service account when it names one. */
    GoogleCredentials credentials(ProviderContext context, GcpIdentity identity) {
        return load(context, identity, config(identity, true));
    }

    /** For a federated identity: the STS exchange alone, without impersonation (for {@code oidc verify}). */
    GoogleCredentials federatedOnly(ProviderContext context, GcpIdentity identity) {
        return load(context, identity, config(identity, false));
    }

    private byte[] config(GcpIdentity identity, boolean impersonate) {
        try {
            return switch (identity) {
                case GcpIdentity.CredentialFile file -> {
                    if (impersonate || !file.type().equals(CredentialFiles.EXTERNAL_ACCOUNT)) {
                        yield file.content().reveal().getBytes(StandardCharsets.UTF_8);
                    }
                    ObjectNode tree = (ObjectNode) JSON.readTree(file.content().reveal());
                    tree.remove("service_account_impersonation_url");
                    yield JSON.writeValueAsBytes(tree);
                }
                case GcpIdentity.ComputeEngine metadata ->
                        throw new IllegalArgumentException("the metadata server's tokens do not go through google-auth");
                case GcpIdentity.ConfiguredFederation federation -> {
                    ObjectNode tree = JSON.createObjectNode();
                    tree.put("type", CredentialFiles.EXTERNAL_ACCOUNT);
                    tree.put("audience", federation.provider().audience());
                    tree.put("subject_token_type", JWT_TOKEN_TYPE);
                    tree.put("token_url", federation.endpoints().stsToken());
                    if (impersonate && federation.serviceAccount().isPresent()) {
                        tree.put("service_account_impersonation_url",
                                federation.endpoints().generateAccessToken(federation.serviceAccount().get()));
                    }
                    tree.set("credential_source", JSON.valueToTree(
                            Map.of("file", federation.subjectTokenFile().toAbsolutePath().toString())));
                    yield JSON.writeValueAsBytes(tree);
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an in-memory credential config", e);
        }
    }

    private GoogleCredentials load(ProviderContext context, GcpIdentity identity, byte[] config) {
        try {
            HttpTransport transport = http.transport(context);
            HttpTransportFactory transportFactory = () -> transport;
            return GoogleCredentials.fromStream(new ByteArrayInputStream(config), transportFactory)
                    .createScoped(List.of(CLOUD_PLATFORM))
                    .createWithCustomRetryStrategy(retry);
        } catch (IOException | RuntimeException e) {
            // google-auth's message may quote the file; name the problem's kind only
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "google-auth cannot use the " + identity.type()
                            + " credentials of " + identity.source() + " (" + e.getClass().getSimpleName() + ")")
                    .registry(context.registry().hostKey())
                    .hint("Download the key or credential config again (gcloud iam service-accounts keys create, gcloud "
                            + "iam workload-identity-pools create-cred-config); a private_key must be an unencrypted "
                            + "PKCS#8 PEM.")
                    .evidence("credential_source", identity.source())
                    .build();
        }
    }
}
