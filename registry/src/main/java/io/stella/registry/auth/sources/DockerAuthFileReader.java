package io.stella.registry.auth.sources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a docker {@code config.json}, a containers {@code auth.json}, or a Kubernetes
 * {@code kubernetes.io/dockerconfigjson} Secret (the raw {@code .dockerconfigjson} JSON, or the Secret
 * manifest in JSON or YAML). Every {@code auth} value is decoded up front, as docker does, so a
 * malformed entry is reported whichever registry is being looked up. Error messages name the file and
 * key, never a value: parser messages are not passed on because they quote the input.
 */
final class DockerAuthFileReader {

    static final String SECRET_TYPE = "kubernetes.io/dockerconfigjson";
    static final String SECRET_KEY = ".dockerconfigjson";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Path file;

    private DockerAuthFileReader(Path file) {
        this.file = file;
    }

    static DockerAuthFile read(Path file) {
        return new DockerAuthFileReader(file).read();
    }

    private DockerAuthFile read() {
        String text = readText();
        if (text.isBlank()) {
            return DockerAuthFile.empty(file);
        }
        JsonNode root = parse(text, "");
        if (root.has("kind") || root.has("apiVersion")) {
            return fromSecretManifest(root);
        }
        return fromDockerConfig(root, "");
    }

    private String readText() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw invalid("", "cannot be read: permission denied", "Make it readable by the user running stella.").build();
        } catch (IOException e) {
            throw invalid("", "cannot be read (" + e.getClass().getSimpleName() + ")", null).cause(e).build();
        }
    }

    private JsonNode parse(String text, String keyPath) {
        boolean json = text.stripLeading().startsWith("{");
        JsonNode root;
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw invalid(keyPath, "is not valid " + (json ? "JSON" : "YAML") + where,
                    "Check for missing quotes, commas or braces; docker login / podman login rewrite the file.")
                    .evidence("line", at == null || at.getLineNr() < 1 ? null : at.getLineNr())
                    .build();
        }
        if (root == null || !root.isObject()) {
            throw invalid(keyPath, "must be a JSON object such as {\"auths\": {…}}", null).build();
        }
        return root;
    }

    private DockerAuthFile fromSecretManifest(JsonNode secret) {
        String kind = secret.path("kind").asText("");
        if (!kind.equals("Secret")) {
            throw invalid("kind", "is a Kubernetes " + (kind.isEmpty() ? "manifest without kind" : kind)
                    + ", not a Secret", "Pass a Secret of type " + SECRET_TYPE + ", or a docker config.json.").build();
        }
        JsonNode type = secret.get("type");
        if (type != null && !type.asText().equals(SECRET_TYPE)) {
            throw invalid("type", "is a Secret of type '" + type.asText() + "', not " + SECRET_TYPE,
                    "Create it with kubectl create secret docker-registry, or pass a docker config.json.").build();
        }
        String stringDataKey = DockerAuthFile.keyPath("", "stringData", SECRET_KEY);
        String dataKey = DockerAuthFile.keyPath("", "data", SECRET_KEY);
        JsonNode plain = secret.path("stringData").get(SECRET_KEY);
        if (plain != null && plain.isTextual()) {
            return fromDockerConfig(parse(plain.asText(), stringDataKey), stringDataKey + ".");
        }
        JsonNode encoded = secret.path("data").get(SECRET_KEY);
        if (encoded == null || !encoded.isTextual()) {
            throw invalid(dataKey, "is missing: the Secret holds no docker config",
                    "A " + SECRET_TYPE + " Secret keeps the base64 docker config.json in data[\"" + SECRET_KEY + "\"].").build();
        }
        return fromDockerConfig(parse(decodeBase64(encoded.asText(), dataKey), dataKey), dataKey + ".");
    }

    private DockerAuthFile fromDockerConfig(JsonNode config, String prefix) {
        Map<String, Credential> credentials = new LinkedHashMap<>();
        JsonNode auths = objectOrEmpty(config, "auths", prefix);
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            String keyPath = DockerAuthFile.keyPath(prefix, "auths", entry.getKey());
            if (!entry.getValue().isObject()) {
                throw invalid(keyPath, "must be an object such as {\"auth\": \"<base64 user:password>\"}", null).build();
            }
            credentialOf(entry.getValue(), keyPath).ifPresent(credential -> credentials.put(entry.getKey(), credential));
        }
        Map<String, String> credHelpers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : objectOrEmpty(config, "credHelpers", prefix).properties()) {
            String keyPath = DockerAuthFile.keyPath(prefix, "credHelpers", entry.getKey());
            credHelpers.put(entry.getKey(), helperName(entry.getValue(), keyPath));
        }
        JsonNode store = config.get("credsStore");
        Optional<String> credsStore = store == null || store.isNull() || store.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(helperName(store, prefix + "credsStore"));
        return new DockerAuthFile(file, prefix, credentials, credHelpers, credsStore);
    }

    /** The entry's usable credential, in docker's precedence: registry token, identity token, user and password. */
    private Optional<Credential> credentialOf(JsonNode entry, String keyPath) {
        String registryToken = text(entry, "registrytoken", keyPath);
        if (!registryToken.isEmpty()) {
            return Optional.of(new Credential.RegistryToken(Secret.of(registryToken)));
        }
        String username = text(entry, "username", keyPath);
        String password = text(entry, "password", keyPath);
        String auth = text(entry, "auth", keyPath);
        if (!auth.isEmpty()) {
            String decoded = decodeBase64(auth, keyPath + ".auth");
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalid(keyPath + ".auth", "does not decode to username:password",
                        "Log in again (docker login / podman login) or write base64(\"user:password\").").build();
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        String identityToken = text(entry, "identitytoken", keyPath);
        if (!identityToken.isEmpty()) {
            return Optional.of(new Credential.IdentityToken(username, Secret.of(identityToken)));
        }
        if (!username.isEmpty() && !password.isEmpty()) {
            return Optional.of(new Credential.UsernamePassword(username, Secret.of(password)));
        }
        return Optional.empty();
    }

    private JsonNode objectOrEmpty(JsonNode parent, String field, String prefix) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw invalid(prefix + field, "must be an object keyed by registry", null).build();
        }
        return node;
    }

    private String text(JsonNode entry, String field, String keyPath) {
        JsonNode node = entry.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw invalid(keyPath + "." + field, "must be a string", null).build();
        }
        return node.asText();
    }

    private String helperName(JsonNode node, String keyPath) {
        if (!node.isTextual() || !CredentialHelperClient.isValidHelperName(node.asText())) {
            throw invalid(keyPath, "must name a credential helper: the part after docker-credential-, e.g. \"pass\"", null).build();
        }
        return node.asText();
    }

    private String decodeBase64(String encoded, String keyPath) {
        String compact = encoded.replaceAll("\\s", "");
        // Some tools drop the '=' padding; docker's own output always has it.
        String padded = compact + "=".repeat((4 - compact.length() % 4) % 4);
        try {
            return new String(Base64.getDecoder().decode(padded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(keyPath, "is not valid base64", "Log in again (docker login / podman login) or re-encode the value.").build();
        }
    }

    private RegistryException.Builder invalid(String keyPath, String problem, String hint) {
        String subject = keyPath.isEmpty() ? "credential file " + file : "credential file " + file + ": " + keyPath;
        return RegistryException.builder(FailureCode.CONFIG_INVALID, subject + " " + problem)
                .hint(hint != null ? hint : "Fix " + (keyPath.isEmpty() ? "" : keyPath + " in ") + file + ".")
                .evidence("file", file)
                .evidence("key", keyPath.isEmpty() ? null : keyPath);
    }
}
