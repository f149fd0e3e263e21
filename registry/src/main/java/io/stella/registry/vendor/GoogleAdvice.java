package io.stella.registry.vendor;

import io.stella.registry.failure.RegistryException;
import java.util.Optional;

/** Google Artifact Registry and gcr.io: oauth2accesstoken / _json_key, roles/artifactregistry.reader. */
final class GoogleAdvice implements VendorAdvice {
    private final RegistryVendor vendor;

    GoogleAdvice(RegistryVendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public RegistryVendor vendor() {
        return vendor;
    }

    @Override
    public Optional<Advice> advise(RegistryException failure, Principal principal) {
        FailureFacts facts = new FailureFacts(failure);
        if (facts.rejected() || facts.noCredentials()) {
            String token = principal.usernameIs("oauth2accesstoken")
                    ? "The access token (username oauth2accesstoken) lasts 1 hour and may have expired. " : "";
            return Optional.of(Advice.of(token + vendor.displayName() + " takes username oauth2accesstoken with "
                    + "`gcloud auth print-access-token` (valid 1 h), or _json_key with a service account key file; "
                    + "or configure the registry as type " + vendor.name().toLowerCase(java.util.Locale.ROOT)
                    + " so stella fetches tokens itself."));
        }
        if (facts.denied() && facts.repository().isPresent()) {
            String repository = facts.repository().get();
            String project = facts.namespace().orElse("<project>");
            String role = vendor == RegistryVendor.GAR
                    ? "roles/artifactregistry.reader on the repository: gcloud artifacts repositories "
                            + "add-iam-policy-binding <repository> --project " + project + " --location "
                            + location(facts.registry()) + " --member <principal> --role roles/artifactregistry.reader"
                    : "roles/artifactregistry.reader on the gcr.io repository of project " + project + " (gcr.io is "
                            + "served by Artifact Registry; legacy Container Registry needs roles/storage.objectViewer on "
                            + "its artifacts bucket)";
            return Optional.of(Advice.of("The Google identity needs " + role + "; check " + repository
                    + " exists in project " + project + ".").with("gcp_project", project));
        }
        return Optional.empty();
    }

    private static String location(String registry) {
        String host = RegistryVendor.hostOnly(registry);
        return host.endsWith("-docker.pkg.dev") ? host.substring(0, host.length() - "-docker.pkg.dev".length())
                : "<location>";
    }
}
