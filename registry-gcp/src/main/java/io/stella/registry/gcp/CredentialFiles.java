package io.stella.registry.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.Secret;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.registry.gcp.wire.CredentialFileJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a Google credential file. Failures name the file and what is wrong with it, never its
 * content: parser messages quote the text they choke on, so only the position is kept.
 */
final class CredentialFiles {
    static final String SERVICE_ACCOUNT = "service_account";
    static final String AUTHORIZED_USER = "authorized_user";
    static final String EXTERNAL_ACCOUNT = "external_account";
    private static final Set<String> TYPES = Set.of(SERVICE_ACCOUNT, AUTHORIZED_USER, EXTERNAL_ACCOUNT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialFiles() {
    }

    static GcpIdentity.CredentialFile read(ProviderContext context, Path path, String foundVia) {
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw invalid(context, path, foundVia, "does not exist",
                    "Create the key (gcloud iam service-accounts keys create " + path + " --iam-account SA_EMAIL) or "
                            + "correct " + foundVia + ".");
        } catch (IOException e) {
            throw invalid(context, path, foundVia, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Make the file readable by the user running stella.");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw invalid(context, path, foundVia, "is not valid JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    "Download the key again from the Google Cloud console (IAM > Service accounts > Keys) or with "
                            + "gcloud iam service-accounts keys create; do not edit it.");
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(context, path, foundVia, "is not a JSON object", "Give a service account key or ADC file.");
        }
        CredentialFileJson json = JSON.convertValue(tree, CredentialFileJson.class);
        if (json.type() == null || !TYPES.contains(json.type())) {
            throw invalid(context, path, foundVia, "has type " + (json.type() == null ? "(none)" : "'" + json.type() + "'"),
                    "stella reads credential files of type " + String.join(", ", TYPES.stream().sorted().toList())
                            + ": a service account key, gcloud auth application-default login's file, or a workload "
                            + "identity federation config (gcloud iam workload-identity-pools create-cred-config).");
        }
        for (String field : required(json.type())) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                throw invalid(context, path, foundVia, "lacks the field " + field + " of a " + json.type() + " file",
                        "Download the key again; the file is incomplete.");
            }
        }
        return new GcpIdentity.CredentialFile(path, foundVia, json, Secret.of(content));
    }

    private static List<String> required(String type) {
        return switch (type) {
            case SERVICE_ACCOUNT -> List.of("client_email", "private_key", "private_key_id");
            case AUTHORIZED_USER -> List.of("client_id", "client_secret", "refresh_token");
            default -> List.of("audience", "subject_token_type", "credential_source");
        };
    }

    private static RegistryException invalid(ProviderContext context, Path path, String foundVia, String what, String hint) {
        return RegistryException.builder(FailureCode.CONFIG_INVALID, "the Google credential file " + path + " ("
                        + foundVia + ") " + what)
                .registry(context.registry().hostKey())
                .hint(hint)
                .evidence("file", path)
                .evidence("found_via", foundVia)
                .build();
    }
}
