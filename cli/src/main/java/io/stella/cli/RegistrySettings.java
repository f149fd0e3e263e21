package io.stella.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-registry keys {@code registry config set|get NAME.KEY} works on. Values are checked by the config loader
 * when the file is written; booleans are checked here so that {@code yes} does not become the text "yes".
 */
final class RegistrySettings {

    static final List<String> KEYS = List.of("url", "type", "auto_refresh", "refresh_interval", "timeout",
            "tls.ca_cert", "tls.insecure_skip_verify", "credentials.username", "credentials.password_env",
            "credentials.password_file", "credentials.token_env");
    private static final List<String> BOOLEANS = List.of("auto_refresh", "tls.insecure_skip_verify");

    /** {@code NAME.KEY} split at the known key (names may hold dots, like {@code 127.0.0.1:5000}). */
    record Target(String registry, String key) {
    }

    private RegistrySettings() {
    }

    static Target parse(String text) {
        int cloud = text.lastIndexOf(".cloud.");
        if (cloud > 0 && text.length() > cloud + ".cloud.".length()) {
            return new Target(text.substring(0, cloud), text.substring(cloud + 1));
        }
        for (String key : KEYS.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            if (text.endsWith("." + key) && text.length() > key.length() + 1) {
                return new Target(text.substring(0, text.length() - key.length() - 1), key);
            }
        }
        int dot = text.lastIndexOf('.');
        String key = dot < 0 ? text : text.substring(dot + 1);
        throw RegistryException.builder(FailureCode.CONFIG_INVALID, "unknown registry setting '" + key
                        + "' in '" + text + "'; settable keys: " + String.join(", ", KEYS)
                        + ", cloud.<provider setting>")
                .hint("Write it as NAME.KEY, e.g. harbor-prod.refresh_interval; credentials' secrets are set with "
                        + "'stella registry update-credentials'.")
                .evidence("key", key)
                .build();
    }

    static void set(ObjectNode entry, String key, String value) {
        ObjectNode section = entry;
        String leaf = key;
        int dot = key.indexOf('.');
        if (dot > 0) {
            section = ConfigFile.section(entry, key.substring(0, dot));
            leaf = key.substring(dot + 1);
        }
        if (key.startsWith("cloud.")) {
            checkCloudKey(entry, leaf);
            if (value.contains(",")) {
                var list = section.putArray(leaf);
                java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(list::add);
            } else {
                section.put(leaf, value);
            }
        } else if (BOOLEANS.contains(key)) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, key + ": expected true or false")
                        .hint("e.g. stella registry config set NAME." + key + " true")
                        .evidence("key", key)
                        .build();
            }
            section.put(leaf, Boolean.parseBoolean(lower));
        } else {
            section.put(leaf, value);
        }
    }

    static Optional<String> get(ObjectNode entry, String key) {
        JsonNode node = entry;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        if (node.isArray()) {
            List<String> items = new java.util.ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return Optional.of(String.join(",", items));
        }
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    /** A cloud setting must be one the type's provider reads, when this build has the provider. */
    private static void checkCloudKey(ObjectNode entry, String leaf) {
        if (!entry.hasNonNull("type")) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "cloud." + leaf
                            + ": cloud settings belong to a registry type's credential provider, and this entry has no type")
                    .hint("Set the type first: stella registry config set NAME.type ecr|gar|gcr|acr")
                    .evidence("key", "cloud." + leaf).build();
        }
        io.stella.registry.config.RegistryType type;
        try {
            type = io.stella.registry.config.RegistryType.valueOf(entry.get("type").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return; // the loader reports the bad type when the file is written
        }
        io.stella.registry.auth.provider.CredentialProviders.installed().forType(type).ifPresent(provider -> {
            if (!provider.settingKeys().contains(leaf)) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "cloud." + leaf + " is not a setting of the "
                                + provider.name() + " provider")
                        .hint("Its settings: " + String.join(", ", new java.util.TreeSet<>(provider.settingKeys())) + ".")
                        .evidence("key", "cloud." + leaf).build();
            }
        });
    }
}
