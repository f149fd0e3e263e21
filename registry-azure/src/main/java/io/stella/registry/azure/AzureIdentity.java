package io.stella.registry.azure;

import io.stella.registry.Secret;
import java.nio.file.Path;
import java.util.Optional;

/** The Entra ID (AAD) identity stella signs in as to get an ACR refresh token. Holds no secret in its text. */
sealed interface AzureIdentity {

    /** The tenant the token comes from; managed identities leave it to the platform. */
    Optional<String> tenantId();

    /** The application (client) id, or the user-assigned managed identity's client id. */
    Optional<String> clientId();

    /** Which identity, for {@code CredentialOrigin.detail} and iam-status: never a secret. */
    String describe();

    /** A service principal with a client secret, read from {@code secretSource} (an environment variable). */
    record ServicePrincipalSecret(String tenant, String client, String secretSource, Secret secret)
            implements AzureIdentity {
        @Override
        public Optional<String> tenantId() {
            return Optional.of(tenant);
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(client);
        }

        @Override
        public String describe() {
            return "service principal " + client + " in tenant " + tenant + " (client secret from $" + secretSource + ")";
        }
    }

    /** A service principal signing its client assertion with a certificate (PEM with key, or PFX). */
    record ServicePrincipalCertificate(String tenant, String client, Path certificateFile) implements AzureIdentity {
        @Override
        public Optional<String> tenantId() {
            return Optional.of(tenant);
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(client);
        }

        @Override
        public String describe() {
            return "service principal " + client + " in tenant " + tenant + " (certificate " + certificateFile + ")";
        }
    }

    /** AKS workload identity: a Kubernetes service-account token federated with an app registration. */
    record WorkloadIdentity(String tenant, String client, Path tokenFile) implements AzureIdentity {
        @Override
        public Optional<String> tenantId() {
            return Optional.of(tenant);
        }

        @Override
        public Optional<String> clientId() {
            return Optional.of(client);
        }

        @Override
        public String describe() {
            return "workload identity " + client + " in tenant " + tenant + " (federated token " + tokenFile + ")";
        }
    }

    /** The VM's, App Service's or AKS node's managed identity; a user-assigned one when its client id is given. */
    record ManagedIdentity(Optional<String> userAssignedClientId) implements AzureIdentity {
        @Override
        public Optional<String> tenantId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> clientId() {
            return userAssignedClientId;
        }

        @Override
        public String describe() {
            return userAssignedClientId.map(id -> "user-assigned managed identity " + id)
                    .orElse("system-assigned managed identity");
        }
    }
}
