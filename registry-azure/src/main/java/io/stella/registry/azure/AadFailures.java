package io.stella.registry.azure;

import com.azure.identity.CredentialUnavailableException;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.http.ConnectionFailures;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what azure-identity / MSAL throw into stella failures with the Entra ID fix. */
final class AadFailures {
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private AadFailures() {
    }

    static RegistryException classify(Throwable failure, AzureIdentity identity, String authority, String registry) {
        Optional<IOException> network = causeOf(failure, IOException.class);
        Optional<String> code = aadstsCode(failure);
        if (code.isEmpty() && network.isPresent()) {
            return ConnectionFailures.classify(network.get(), authority, registry).toBuilder()
                    .hint("Entra ID at " + authority + " cannot be reached: allow HTTPS to it (proxy: HTTPS_PROXY), "
                            + "or fix AZURE_AUTHORITY_HOST.")
                    .build();
        }
        if (code.isEmpty() && causeOf(failure, CredentialUnavailableException.class).isPresent()) {
            return RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS,
                            identity.describe() + " is not available here")
                    .registry(registry)
                    .hint(identity instanceof AzureIdentity.ManagedIdentity
                            ? "Run on an Azure VM, App Service or AKS node with a managed identity assigned "
                                    + "(az vm identity assign), or configure a service principal instead."
                            : "Check that the identity's files and variables exist where stella runs.")
                    .evidence("identity", identity.describe())
                    .evidence("detail", firstLine(failure))
                    .cause(failure)
                    .build();
        }
        String client = identity.clientId().orElse("<client id>");
        String tenant = identity.tenantId().orElse("<tenant>");
        RegistryException.Builder b = switch (code.orElse("")) {
            case "7000215", "7000222" -> RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS,
                            "Entra ID rejected the client secret of " + identity.describe()
                                    + (code.get().equals("7000222") ? " (expired)" : " (invalid)"))
                    .hint("Create a new secret with az ad app credential reset --id " + client + " --append and "
                            + "put it where cloud.client_secret_env points; use the secret's value, not its id.");
            case "700016" -> RegistryException.builder(FailureCode.CONFIG_INVALID,
                            "application " + client + " was not found in tenant " + tenant)
                    .hint("Check cloud.client_id (the app registration's Application (client) ID) and "
                            + "cloud.tenant_id: az ad sp show --id " + client + "; an app from another tenant needs "
                            + "admin consent there.");
            case "90002" -> RegistryException.builder(FailureCode.CONFIG_INVALID, "tenant " + tenant + " was not found")
                    .hint("Set cloud.tenant_id to the Directory (tenant) ID: az account show --query tenantId -o tsv.");
            case "70021" -> RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS,
                            "Entra ID found no federated credential of app " + client
                                    + " matching the workload's token")
                    .hint("Add one to the app registration (or user-assigned identity) whose issuer and subject "
                            + "are the token's iss and sub: az identity federated-credential create --issuer <iss> "
                            + "--subject system:serviceaccount:<namespace>:<service account> --audience "
                            + "api://AzureADTokenExchange; stella registry oidc verify shows the token's claims.");
            case "700027", "700023" -> RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS,
                            "Entra ID rejected the certificate assertion of " + identity.describe())
                    .hint("Upload the certificate's public part to the app: az ad app credential reset --id "
                            + client + " --cert @<cert.pem> --append.");
            case "700024" -> RegistryException.builder(FailureCode.AUTH_TOKEN_EXPIRED,
                            "the federated token of " + identity.describe() + " has expired")
                    .hint("The kubelet renews the projected service account token; check that the pod mounts it "
                            + "(azure.workload.identity/use: \"true\") and that AZURE_FEDERATED_TOKEN_FILE points at it.");
            case "50196", "50053" -> RegistryException.builder(FailureCode.REGISTRY_RATE_LIMITED,
                            "Entra ID is throttling sign-ins of " + identity.describe())
                    .hint("Wait a few minutes; scans renew the token at 75% of its lifetime, so one sign-in an hour "
                            + "is enough.");
            case "" -> RegistryException.builder(FailureCode.REGISTRY_PROTOCOL_ERROR,
                            "Entra ID token request for " + identity.describe() + " failed")
                    .hint("Run stella registry oidc verify / iam verify for the identity; check "
                            + "AZURE_AUTHORITY_HOST (" + authority + ").");
            default -> RegistryException.builder(FailureCode.AUTH_INVALID_CREDENTIALS,
                            "Entra ID refused a token to " + identity.describe() + " (AADSTS" + code.get() + ")")
                    .hint("Look the error up: https://login.microsoftonline.com/error?code=" + code.get());
        };
        return b.registry(registry)
                .evidence("identity", identity.describe())
                .evidence("authority", authority)
                .evidence("aadsts", code.map(c -> "AADSTS" + c).orElse(null))
                .evidence("detail", firstLine(failure))
                .cause(failure)
                .build();
    }

    static Optional<String> aadstsCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = AADSTS.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The most specific message: Entra ID's error_description when there is one. */
    private static String firstLine(Throwable failure) {
        String best = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (best == null || t.getMessage().contains("AADSTS"))) {
                best = t.getMessage();
            }
        }
        return best == null ? failure.getClass().getSimpleName() : best.lines().findFirst().orElse(best);
    }
}
