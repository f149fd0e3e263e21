package io.stella.registry.gcp.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The non-secret fields of a Google credential file (service account key, gcloud's
 * {@code application_default_credentials.json}, a workload identity federation config). The private key and
 * client secret are not mapped: google-auth reads them from the file itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialFileJson(
        @JsonProperty("type") String type,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("quota_project_id") String quotaProjectId,
        @JsonProperty("client_email") String clientEmail,
        @JsonProperty("private_key_id") String privateKeyId,
        @JsonProperty("token_uri") String tokenUri,
        @JsonProperty("audience") String audience,
        @JsonProperty("token_url") String tokenUrl,
        @JsonProperty("service_account_impersonation_url") String serviceAccountImpersonationUrl,
        @JsonProperty("credential_source") Map<String, Object> credentialSource) {
}
