package io.stella.registry.azure;

import io.stella.registry.Secret;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the identity to sign in as, in this order: the entry's {@code cloud:} section (service principal, or
 * {@code auth: managed_identity}), then the environment the Azure SDKs read: workload identity
 * ({@code AZURE_FEDERATED_TOKEN_FILE}) and the {@code AZURE_CLIENT_ID}/{@code AZURE_CLIENT_SECRET} or
 * {@code AZURE_CLIENT_CERTIFICATE_PATH} service principal. Managed identity is never guessed: it needs
 * {@code auth: managed_identity}, so that a machine without one falls through to {@code az acr login}'s docker
 * config.
 */
final class AzureIdentities {
    static final String TENANT_ID = "tenant_id";
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET_ENV = "client_secret_env";
    static final String CLIENT_CERTIFICATE_FILE = "client_certificate_file";
    static final String MANAGED_IDENTITY_CLIENT_ID = "managed_identity_client_id";
    static final String AUTH = "auth";
    static final Set<String> AUTH_MODES = Set.of("service_principal", "managed_identity", "workload_identity",
            "environment");

    private AzureIdentities() {
    }

    /** Whether anything names an identity (then the provider answers, and a broken setting is reported). */
    static boolean anyConfigured(ProviderContext context) {
        return !context.cloud().isEmpty() || context.env("AZURE_FEDERATED_TOKEN_FILE").isPresent()
                || context.env("AZURE_CLIENT_ID").isPresent() && (context.env("AZURE_CLIENT_SECRET").isPresent()
                        || context.env("AZURE_CLIENT_CERTIFICATE_PATH").isPresent());
    }

    /**
     * @throws RegistryException {@code CONFIG_INVALID} for contradictory or incomplete settings,
     *         {@code AUTH_NO_CREDENTIALS} when nothing names an identity or a named secret is not set
     */
    static AzureIdentity resolve(ProviderContext context) {
        Optional<String> auth = context.cloud().string(AUTH);
        if (auth.isPresent() && !AUTH_MODES.contains(auth.get())) {
            throw config(context, "cloud.auth is '" + auth.get() + "'", "Use one of service_principal, "
                    + "managed_identity, workload_identity, environment.");
        }
        String mode = auth.orElseGet(() -> defaultMode(context));
        return switch (mode) {
            case "managed_identity" -> new AzureIdentity.ManagedIdentity(
                    context.cloud().string(MANAGED_IDENTITY_CLIENT_ID));
            case "service_principal" -> servicePrincipal(context);
            case "workload_identity" -> workloadIdentity(context);
            default -> fromEnvironment(context);
        };
    }

    private static String defaultMode(ProviderContext context) {
        if (context.cloud().string(MANAGED_IDENTITY_CLIENT_ID).isPresent()) {
            return "managed_identity";
        }
        if (context.cloud().string(CLIENT_SECRET_ENV).isPresent()
                || context.cloud().string(CLIENT_CERTIFICATE_FILE).isPresent()) {
            return "service_principal";
        }
        return context.env("AZURE_FEDERATED_TOKEN_FILE").isPresent() ? "workload_identity" : "environment";
    }

    private static AzureIdentity servicePrincipal(ProviderContext context) {
        String tenant = context.require(TENANT_ID, "00000000-0000-0000-0000-000000000000");
        String client = context.require(CLIENT_ID, "00000000-0000-0000-0000-000000000000");
        Optional<String> secretEnv = context.cloud().string(CLIENT_SECRET_ENV);
        Optional<String> certificate = context.cloud().string(CLIENT_CERTIFICATE_FILE);
        if (secretEnv.isPresent() == certificate.isPresent()) {
            throw config(context, "a service principal needs exactly one of cloud.client_secret_env and "
                    + "cloud.client_certificate_file", "Set cloud.client_secret_env to the name of the environment "
                    + "variable holding the client secret, or cloud.client_certificate_file to a PEM (certificate "
                    + "and private key) or PFX file.");
        }
        if (certificate.isPresent()) {
            // relative to the home directory, like the other files stella reads for a user
            return new AzureIdentity.ServicePrincipalCertificate(tenant, client,
                    context.home().resolve(certificate.get()));
        }
        String variable = secretEnv.get();
        Secret secret = context.env(variable).map(Secret::of).orElseThrow(() -> RegistryException.builder(
                        FailureCode.AUTH_NO_CREDENTIALS, "environment variable " + variable
                                + " (cloud.client_secret_env of " + context.registry().name() + ") is not set")
                .registry(context.registry().hostKey())
                .hint("Export the client secret of app " + client + " as " + variable + "; a new one is made with: "
                        + "az ad app credential reset --id " + client)
                .build());
        return new AzureIdentity.ServicePrincipalSecret(tenant, client, variable, secret);
    }

    private static AzureIdentity workloadIdentity(ProviderContext context) {
        String file = context.env("AZURE_FEDERATED_TOKEN_FILE").orElseThrow(() -> noIdentity(context,
                "cloud.auth is workload_identity but AZURE_FEDERATED_TOKEN_FILE is not set"));
        String tenant = context.cloud().string(TENANT_ID).or(() -> context.env("AZURE_TENANT_ID"))
                .orElseThrow(() -> noIdentity(context, "workload identity without AZURE_TENANT_ID"));
        String client = context.cloud().string(CLIENT_ID).or(() -> context.env("AZURE_CLIENT_ID"))
                .orElseThrow(() -> noIdentity(context, "workload identity without AZURE_CLIENT_ID"));
        return new AzureIdentity.WorkloadIdentity(tenant, client, Path.of(file));
    }

    private static AzureIdentity fromEnvironment(ProviderContext context) {
        Optional<String> tenant = context.cloud().string(TENANT_ID).or(() -> context.env("AZURE_TENANT_ID"));
        Optional<String> client = context.cloud().string(CLIENT_ID).or(() -> context.env("AZURE_CLIENT_ID"));
        if (tenant.isPresent() && client.isPresent()) {
            if (context.env("AZURE_CLIENT_SECRET").isPresent()) {
                return new AzureIdentity.ServicePrincipalSecret(tenant.get(), client.get(), "AZURE_CLIENT_SECRET",
                        Secret.of(context.env("AZURE_CLIENT_SECRET").get()));
            }
            if (context.env("AZURE_CLIENT_CERTIFICATE_PATH").isPresent()) {
                return new AzureIdentity.ServicePrincipalCertificate(tenant.get(), client.get(),
                        Path.of(context.env("AZURE_CLIENT_CERTIFICATE_PATH").get()));
            }
        }
        throw noIdentity(context, "no Azure identity found for " + context.registry().name());
    }

    private static RegistryException noIdentity(ProviderContext context, String message) {
        return RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS, message)
                .registry(context.registry().hostKey())
                .hint("Configure one: a service principal (cloud.tenant_id, cloud.client_id, cloud.client_secret_env "
                        + "or cloud.client_certificate_file), cloud.auth: managed_identity on an Azure VM or AKS "
                        + "node, AKS workload identity (AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID, AZURE_TENANT_ID), "
                        + "or AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID; or run az acr login --name "
                        + context.registry().hostKey().split("\\.")[0] + " for docker config credentials.")
                .build();
    }

    private static RegistryException config(ProviderContext context, String message, String hint) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, "registry " + context.registry().name() + ": "
                        + message)
                .registry(context.registry().hostKey())
                .hint(hint)
                .build();
    }
}
