package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.gcp.wire.GoogleErrorJson;
import java.util.Optional;

/** An Artifact Registry API error answer as a {@link RegistryException} with the IAM fix. */
final class ArtifactRegistryFailures {
    private ArtifactRegistryFailures() {
    }

    static RegistryException of(ProviderContext context, int status, Optional<GoogleErrorJson> error, String permission,
                                String resource, String principal, String url) {
        String code = error.map(GoogleErrors::code).orElse(null);
        String detail = error.map(GoogleErrors::message).orElse(null);
        boolean apiDisabled = detail != null && (detail.contains("SERVICE_DISABLED") || detail.contains("has not been used")
                || detail.contains("is disabled"));
        FailureCode failure;
        String message;
        String hint;
        if (status == 403 && apiDisabled) {
            failure = FailureCode.AUTH_INSUFFICIENT_SCOPE;
            message = "the Artifact Registry API is not enabled for " + project(resource);
            hint = "Enable it: gcloud services enable artifactregistry.googleapis.com --project " + project(resource) + ".";
        } else if (status == 403 || "PERMISSION_DENIED".equals(code)) {
            boolean listing = permission.equals(ArtifactRegistryApi.LIST_REPOSITORIES);
            failure = listing ? FailureCode.CATALOG_DENIED : FailureCode.AUTH_INSUFFICIENT_SCOPE;
            message = principal + " lacks " + permission + " on " + resource;
            hint = "Grant " + principal + " roles/artifactregistry.reader on " + resource + ": " + grantCommand(resource, principal)
                    + (listing ? " Or list the repositories in the registry's repositories: setting." : "");
        } else if (status == 401 || "UNAUTHENTICATED".equals(code)) {
            failure = FailureCode.AUTH_INVALID_CREDENTIALS;
            message = "the Artifact Registry API rejected the access token of " + principal;
            hint = "The token expired or was revoked; run again. If it persists, check the identity with "
                    + "stella registry iam-status.";
        } else if (status == 404) {
            failure = FailureCode.CONFIG_INVALID;
            message = "Artifact Registry has no " + resource;
            hint = "Check cloud.project and cloud.location (or the <location>-docker.pkg.dev host) of the registry entry: "
                    + "gcloud artifacts repositories list --project " + project(resource) + ".";
        } else if (status == 429 || "RESOURCE_EXHAUSTED".equals(code)) {
            failure = FailureCode.REGISTRY_RATE_LIMITED;
            message = "the Artifact Registry API is throttling requests for " + resource;
            hint = "Wait a minute and run again; the API's read quota is per project per minute (raise it in the "
                    + "console under IAM & Admin > Quotas).";
        } else if (status >= 500) {
            failure = FailureCode.REGISTRY_UNAVAILABLE;
            message = "the Artifact Registry API failed with HTTP " + status;
            hint = "Retry later; check status.cloud.google.com.";
        } else {
            failure = FailureCode.REGISTRY_PROTOCOL_ERROR;
            message = "the Artifact Registry API answered HTTP " + status + " for " + resource;
            hint = "Check " + GcpEndpoints.ARTIFACT_REGISTRY_ENV + " (it must be the Artifact Registry REST API).";
        }
        return RegistryException.builder(failure, message)
                .registry(context.registry().hostKey())
                .hint(hint)
                .evidence("http_status", status)
                .evidence("status", code)
                .evidence("error_message", detail)
                .evidence("permission", permission)
                .evidence("principal", principal)
                .evidence("resource", resource)
                .evidence("endpoint", url)
                .build();
    }

    /** The gcloud command granting read access on a project or repository resource name. */
    static String grantCommand(String resource, String principal) {
        String member = (principal.contains("@") ? (principal.endsWith(".gserviceaccount.com") ? "serviceAccount:" : "user:")
                : "") + principal;
        String[] parts = resource.split("/");
        if (parts.length >= 6 && parts[4].equals("repositories")) {
            return "gcloud artifacts repositories add-iam-policy-binding " + parts[5] + " --project " + parts[1]
                    + " --location " + parts[3] + " --member '" + member + "' --role roles/artifactregistry.reader";
        }
        return "gcloud projects add-iam-policy-binding " + project(resource) + " --member '" + member
                + "' --role roles/artifactregistry.reader";
    }

    private static String project(String resource) {
        String[] parts = resource.split("/");
        return parts.length >= 2 && parts[0].equals("projects") ? parts[1] : resource;
    }
}
