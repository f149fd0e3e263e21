package io.stella.registry.gcp;

import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the identity of a registry entry, first match wins: {@code cloud.workload_identity_provider},
 * {@code cloud.service_account_key_file}, then application default credentials ({@code GOOGLE_APPLICATION_CREDENTIALS},
 * gcloud's {@code application_default_credentials.json} under {@code CLOUDSDK_CONFIG} or {@code ~/.config/gcloud}),
 * and last the metadata server's attached service account (unless {@code NO_GCE_CHECK=true}).
 */
final class IdentityLocator {
    static final String ADC_ENV = "GOOGLE_APPLICATION_CREDENTIALS";
    static final String GCLOUD_CONFIG_ENV = "CLOUDSDK_CONFIG";
    static final String ADC_FILE = "application_default_credentials.json";

    private IdentityLocator() {
    }

    static Optional<GcpIdentity> locate(ProviderContext context, GcpSettings settings) {
        if (settings.workloadIdentityProvider().isPresent()) {
            Path tokenFile = settings.subjectTokenFile().orElseThrow(() -> GcpSettings.invalid(context,
                    "cloud." + GcpSettings.WORKLOAD_IDENTITY_PROVIDER + " needs cloud." + GcpSettings.SUBJECT_TOKEN_FILE,
                    "Set cloud." + GcpSettings.SUBJECT_TOKEN_FILE + " to the file the workload's OIDC token is written to "
                            + "(e.g. a projected Kubernetes service account token), or use a credential config from "
                            + "gcloud iam workload-identity-pools create-cred-config as cloud." + GcpSettings.KEY_FILE + "."));
            return Optional.of(new GcpIdentity.ConfiguredFederation(
                    WorkloadIdentityProvider.parse(settings.workloadIdentityProvider().get()),
                    settings.serviceAccount(), tokenFile, GcpEndpoints.of(context)));
        }
        if (settings.keyFile().isPresent()) {
            return Optional.of(CredentialFiles.read(context, absolute(context, settings.keyFile().get()),
                    "cloud." + GcpSettings.KEY_FILE));
        }
        Optional<String> adc = context.env(ADC_ENV);
        if (adc.isPresent()) {
            return Optional.of(CredentialFiles.read(context, absolute(context, Path.of(adc.get())), ADC_ENV));
        }
        Path gcloud = gcloudAdc(context);
        if (Files.isRegularFile(gcloud)) {
            return Optional.of(CredentialFiles.read(context, gcloud, "gcloud application default credentials"));
        }
        return MetadataServer.probe(context).map(GcpIdentity.class::cast);
    }

    static GcpIdentity require(ProviderContext context, GcpSettings settings) {
        return locate(context, settings).orElseThrow(() -> RegistryException.builder(FailureCode.AUTH_NO_CREDENTIALS,
                        "no Google Cloud credentials found for " + context.registry().hostKey())
                .registry(context.registry().hostKey())
                .hint("Run gcloud auth application-default login, or set GOOGLE_APPLICATION_CREDENTIALS (or cloud."
                        + GcpSettings.KEY_FILE + ") to a service account key file, or configure cloud."
                        + GcpSettings.WORKLOAD_IDENTITY_PROVIDER + " for workload identity federation.")
                .evidence("metadata_server", MetadataServer.enabled(context) ? "no answer from " + MetadataServer.base(context)
                        : "not asked (" + MetadataServer.NO_CHECK_ENV + "=true)")
                .evidence("looked_at", "cloud." + GcpSettings.WORKLOAD_IDENTITY_PROVIDER + ", cloud." + GcpSettings.KEY_FILE
                        + ", " + ADC_ENV + ", " + gcloudAdc(context))
                .build());
    }

    static Path gcloudAdc(ProviderContext context) {
        Path dir = context.env(GCLOUD_CONFIG_ENV).map(Path::of)
                .orElseGet(() -> context.home().resolve(".config").resolve("gcloud"));
        return dir.resolve(ADC_FILE);
    }

    private static Path absolute(ProviderContext context, Path path) {
        String text = path.toString();
        if (text.equals("~") || text.startsWith("~/")) {
            return context.home().resolve(text.length() == 1 ? "" : text.substring(2));
        }
        return path.toAbsolutePath();
    }
}
