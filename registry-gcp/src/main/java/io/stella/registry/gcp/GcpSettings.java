package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cloud:} keys of a GAR/GCR registry entry.
 *
 * @param keyFile                  {@code service_account_key_file}: a credential file (service account key, ADC, federation config)
 * @param jsonKeyMode              {@code auth_mode: json_key}: send the key file itself as {@code _json_key}'s password
 * @param workloadIdentityProvider {@code projects/<num>/locations/global/workloadIdentityPools/<pool>/providers/<provider>}
 * @param serviceAccount           the service account a federated identity impersonates
 * @param subjectTokenFile         the workload's OIDC token (federation)
 * @param project                  the project whose repositories are discovered
 * @param location                 the Artifact Registry location, when the host does not say it
 */
record GcpSettings(Optional<Path> keyFile, boolean jsonKeyMode, Optional<String> workloadIdentityProvider,
                   Optional<String> serviceAccount, Optional<Path> subjectTokenFile, Optional<String> project,
                   Optional<String> location) {

    static final String KEY_FILE = "service_account_key_file";
    static final String AUTH_MODE = "auth_mode";
    static final String WORKLOAD_IDENTITY_PROVIDER = "workload_identity_provider";
    static final String SERVICE_ACCOUNT = "service_account";
    static final String SUBJECT_TOKEN_FILE = "subject_token_file";
    static final String PROJECT = "project";
    static final String LOCATION = "location";
    static final Set<String> KEYS = Set.of(KEY_FILE, AUTH_MODE, WORKLOAD_IDENTITY_PROVIDER, SERVICE_ACCOUNT,
            SUBJECT_TOKEN_FILE, PROJECT, LOCATION);

    static final String JSON_KEY = "json_key";
    static final String ACCESS_TOKEN = "access_token";

    static GcpSettings of(ProviderContext context) {
        var cloud = context.cloud();
        String mode = cloud.string(AUTH_MODE).map(m -> m.toLowerCase(Locale.ROOT)).orElse(ACCESS_TOKEN);
        if (!mode.equals(JSON_KEY) && !mode.equals(ACCESS_TOKEN)) {
            throw invalid(context, "cloud." + AUTH_MODE + " is '" + mode + "'",
                    "Set cloud." + AUTH_MODE + " to access_token (the default: an OAuth2 access token as the password "
                            + "of oauth2accesstoken) or json_key (the key file as the password of _json_key).");
        }
        Optional<String> provider = cloud.string(WORKLOAD_IDENTITY_PROVIDER);
        provider.ifPresent(p -> {
            if (!WorkloadIdentityProvider.isValid(p)) {
                throw invalid(context, "cloud." + WORKLOAD_IDENTITY_PROVIDER + " is not a provider resource name",
                        "Give projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/"
                                + "<provider>, as printed by: gcloud iam workload-identity-pools providers describe "
                                + "<provider> --workload-identity-pool <pool> --location global --format 'value(name)'");
            }
        });
        return new GcpSettings(cloud.string(KEY_FILE).map(Path::of), mode.equals(JSON_KEY), provider,
                cloud.string(SERVICE_ACCOUNT), cloud.string(SUBJECT_TOKEN_FILE).map(Path::of),
                cloud.string(PROJECT), cloud.string(LOCATION));
    }

    static RegistryException invalid(ProviderContext context, String message, String hint) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, "registry " + context.registry().name() + ": "
                        + message)
                .registry(context.registry().hostKey())
                .hint(hint)
                .build();
    }
}
