package io.stella.registry.gcp;

import io.stella.registry.Secret;
import io.stella.registry.gcp.wire.CredentialFileJson;
import java.nio.file.Path;
import java.util.Optional;

/** The Google identity a registry entry uses; holds references to secrets, never prints them. */
sealed interface GcpIdentity {

    /** The kind for output: {@code service_account}, {@code authorized_user}, {@code external_account}. */
    String type();

    /** Who the identity acts as, for messages and IAM bindings: an email, or the federation pool. */
    String principal();

    /** Where the identity was found, for the credential's origin. */
    String source();

    /** The project the credential belongs to, when it says. */
    Optional<String> project();

    /**
     * A credential file: a service account key, gcloud's user ADC or an {@code external_account} federation config.
     *
     * @param foundVia e.g. {@code cloud.service_account_key_file}, {@code GOOGLE_APPLICATION_CREDENTIALS}
     * @param content  the file as read; the key material, so a {@link Secret}
     */
    record CredentialFile(Path path, String foundVia, CredentialFileJson json, Secret content) implements GcpIdentity {
        @Override
        public String type() {
            return json.type();
        }

        @Override
        public String principal() {
            return switch (json.type()) {
                case CredentialFiles.SERVICE_ACCOUNT -> json.clientEmail();
                case CredentialFiles.EXTERNAL_ACCOUNT -> impersonated().orElse("federated identity of " + json.audience());
                default -> "the user who ran gcloud auth application-default login";
            };
        }

        /** The service account an {@code external_account} config impersonates. */
        Optional<String> impersonated() {
            return ImpersonationUrls.serviceAccount(json.serviceAccountImpersonationUrl());
        }

        @Override
        public String source() {
            return json.type() + " credentials from " + path + " (" + foundVia + ")";
        }

        @Override
        public Optional<String> project() {
            return Optional.ofNullable(json.projectId()).or(() -> Optional.ofNullable(json.quotaProjectId()));
        }
    }

    /** Workload identity federation configured in the registry entry's {@code cloud:} section. */
    record ConfiguredFederation(WorkloadIdentityProvider provider, Optional<String> serviceAccount,
                                Path subjectTokenFile, GcpEndpoints endpoints) implements GcpIdentity {
        @Override
        public String type() {
            return CredentialFiles.EXTERNAL_ACCOUNT;
        }

        @Override
        public String principal() {
            return serviceAccount.orElse("federated identity of pool " + provider.pool());
        }

        @Override
        public String source() {
            return "workload identity federation via " + provider.name() + serviceAccount.map(sa -> " as " + sa).orElse("")
                    + " (cloud.workload_identity_provider)";
        }

        @Override
        public Optional<String> project() {
            return Optional.empty();
        }
    }

    /**
     * The service account attached to the VM, GKE node or Cloud Run service, from the metadata server: the last
     * resort, used only when no other identity is configured and {@code NO_GCE_CHECK} is not {@code true}.
     *
     * @param metadataBase e.g. {@code http://metadata.google.internal}
     */
    record ComputeEngine(String metadataBase, String email) implements GcpIdentity {
        @Override
        public String type() {
            return "compute_engine";
        }

        @Override
        public String principal() {
            return email;
        }

        @Override
        public String source() {
            return "the metadata server at " + metadataBase + " (attached service account)";
        }

        @Override
        public Optional<String> project() {
            return Optional.empty();
        }
    }
}
