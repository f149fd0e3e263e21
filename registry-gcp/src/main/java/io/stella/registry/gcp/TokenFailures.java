package io.stella.registry.gcp;

import com.google.api.client.http.HttpResponseException;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.gcp.wire.GoogleErrorJson;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns google-auth's failure to get an access token into a {@link RegistryException} naming the step that failed
 * (OAuth2 token endpoint, STS token exchange, service account impersonation) and its GCP fix.
 */
final class TokenFailures {
    /** google-auth's rendering of an OAuth error it parsed itself (STS). */
    private static final Pattern OAUTH_MESSAGE = Pattern.compile("Error code ([A-Za-z_]+): ?(.*)", Pattern.DOTALL);

    enum Step {
        TOKEN_ENDPOINT("the OAuth2 token endpoint"),
        STS("the STS token exchange"),
        IMPERSONATION("service account impersonation (IAM Credentials generateAccessToken)");

        final String text;

        Step(String text) {
            this.text = text;
        }
    }

    private TokenFailures() {
    }

    static RegistryException of(ProviderContext context, GcpIdentity identity, IOException error) {
        HttpResponseException http = httpCause(error).orElse(null);
        Step step = step(identity, http);
        Optional<RegistryException> network = NetworkFailures.of(context, error, step.text, endpoint(identity, step));
        if (network.isPresent()) {
            return network.get();
        }
        int status = http == null ? 0 : http.getStatusCode();
        Optional<GoogleErrorJson> parsed = http == null ? oauthFromMessage(error) : GoogleErrors.parse(http.getContent());
        String code = parsed.map(GoogleErrors::code).orElse(null);
        String detail = parsed.map(GoogleErrors::message).orElse(null);
        FailureCode failure = classify(status, code);
        String message = step.text + " refused a token for " + identity.principal()
                + (code == null ? "" : ": " + code) + (detail == null ? "" : " (" + oneLine(detail) + ")");
        return RegistryException.builder(failure, message)
                .registry(context.registry().hostKey())
                .hint(hint(failure, step, identity))
                .evidence("step", step.name().toLowerCase(java.util.Locale.ROOT))
                .evidence("endpoint", endpoint(identity, step))
                .evidence("http_status", status == 0 ? null : status)
                .evidence("error", code)
                .evidence("error_description", detail == null ? null : oneLine(detail))
                .evidence("principal", identity.principal())
                .evidence("credential_source", identity.source())
                .cause(error)
                .build();
    }

    private static FailureCode classify(int status, String code) {
        if (status == 429 || "RESOURCE_EXHAUSTED".equals(code)) {
            return FailureCode.REGISTRY_RATE_LIMITED;
        }
        if (status == 403 || "PERMISSION_DENIED".equals(code)) {
            return FailureCode.AUTH_INSUFFICIENT_SCOPE;
        }
        if (status >= 500) {
            return FailureCode.REGISTRY_UNAVAILABLE;
        }
        if (status == 400 || status == 401 || status == 404 || code != null) {
            return FailureCode.AUTH_INVALID_CREDENTIALS;
        }
        return FailureCode.REGISTRY_PROTOCOL_ERROR;
    }

    private static String hint(FailureCode failure, Step step, GcpIdentity identity) {
        if (failure == FailureCode.REGISTRY_RATE_LIMITED) {
            return "Google is throttling token requests; wait a minute, and lower scan concurrency or raise "
                    + "refresh_interval so tokens are requested less often.";
        }
        if (failure == FailureCode.REGISTRY_UNAVAILABLE) {
            return "Google's " + step.text + " answered with a server error; retry later (status.cloud.google.com).";
        }
        if (failure == FailureCode.REGISTRY_PROTOCOL_ERROR) {
            return "The token endpoint " + endpoint(identity, step) + " did not answer like Google's; check the "
                    + "endpoint in the credential file (token_uri/token_url) or the STELLA_GCP_* overrides.";
        }
        return switch (step) {
            case TOKEN_ENDPOINT -> identity instanceof GcpIdentity.CredentialFile file
                    && file.type().equals(CredentialFiles.SERVICE_ACCOUNT)
                    ? "The key " + file.json().privateKeyId() + " of " + file.json().clientEmail() + " was rejected "
                            + "(invalid_grant: the key was deleted or disabled, the service account is disabled, or "
                            + "this host's clock is off so the JWT's iat/exp are refused). Check with: gcloud iam "
                            + "service-accounts keys list --iam-account " + file.json().clientEmail()
                            + "; create a new key with gcloud iam service-accounts keys create KEY.json --iam-account "
                            + file.json().clientEmail() + "."
                    : "The user's refresh token was revoked or has expired: run gcloud auth application-default login again.";
            case STS -> failure == FailureCode.AUTH_INSUFFICIENT_SCOPE
                    ? "STS refused the exchange for " + audience(identity) + ": check that the provider is enabled "
                            + "and its attribute condition admits this workload (gcloud iam workload-identity-pools "
                            + "providers describe)."
                    : "STS rejected the subject token for " + audience(identity) + ": its iss must be the provider's "
                            + "issuer, its aud one of the provider's allowed audiences (by default " + audience(identity)
                            + "), it must not be expired, and the provider's attribute condition must admit it. Run "
                            + "stella registry oidc verify to see the token's claims.";
            case IMPERSONATION -> failure == FailureCode.AUTH_INSUFFICIENT_SCOPE
                    ? "The federated identity lacks iam.serviceAccounts.getAccessToken on " + identity.principal()
                            + ": grant it roles/iam.workloadIdentityUser: gcloud iam service-accounts "
                            + "add-iam-policy-binding " + identity.principal() + " --role roles/iam.workloadIdentityUser "
                            + "--member '" + member(identity) + "'."
                    : "IAM Credentials rejected the federated token or the service account " + identity.principal()
                            + " does not exist (gcloud iam service-accounts describe " + identity.principal() + ").";
        };
    }

    private static String audience(GcpIdentity identity) {
        return switch (identity) {
            case GcpIdentity.ConfiguredFederation f -> f.provider().audience();
            case GcpIdentity.CredentialFile f -> String.valueOf(f.json().audience());
            case GcpIdentity.ComputeEngine m -> "";
        };
    }

    private static String member(GcpIdentity identity) {
        if (identity instanceof GcpIdentity.ConfiguredFederation f) {
            return f.provider().principalSet();
        }
        String audience = audience(identity).replaceFirst("^//iam\\.googleapis\\.com/", "");
        if (WorkloadIdentityProvider.isValid(audience)) {
            return WorkloadIdentityProvider.parse(audience).principalSet();
        }
        return "principalSet://iam.googleapis.com/projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/*";
    }

    private static Step step(GcpIdentity identity, HttpResponseException http) {
        if (!identity.type().equals(CredentialFiles.EXTERNAL_ACCOUNT)) {
            return Step.TOKEN_ENDPOINT;
        }
        boolean impersonation = http != null && String.valueOf(http.getMessage()).contains(":generateAccessToken");
        return impersonation ? Step.IMPERSONATION : Step.STS;
    }

    static String endpoint(GcpIdentity identity, Step step) {
        return switch (identity) {
            case GcpIdentity.CredentialFile f -> switch (step) {
                case TOKEN_ENDPOINT -> f.json().tokenUri() == null ? "https://oauth2.googleapis.com/token" : f.json().tokenUri();
                case STS -> f.json().tokenUrl() == null ? "https://sts.googleapis.com/v1/token" : f.json().tokenUrl();
                case IMPERSONATION -> String.valueOf(f.json().serviceAccountImpersonationUrl());
            };
            case GcpIdentity.ComputeEngine m -> m.metadataBase();
            case GcpIdentity.ConfiguredFederation f -> step == Step.IMPERSONATION
                    ? f.endpoints().generateAccessToken(f.serviceAccount().orElse("-")) : f.endpoints().stsToken();
        };
    }

    private static Optional<HttpResponseException> httpCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException http) {
                return Optional.of(http);
            }
        }
        return Optional.empty();
    }

    private static Optional<GoogleErrorJson> oauthFromMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : OAUTH_MESSAGE.matcher(t.getMessage());
            if (m != null && m.matches()) {
                return Optional.of(new GoogleErrorJson(null, m.group(1), m.group(2).isBlank() ? null : m.group(2)));
            }
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
