package io.stella.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The docker-registry (distribution 2.8) YAML configuration for one {@link LocalRegistry}. */
record RegistryConfig(int port, String secret, Path storageRoot, Path tlsCert, Path tlsKey, Path htpasswd,
                      TokenAuth token, String redirectBaseUrl, boolean schema1Enabled) {

    record TokenAuth(String realm, String service, String issuer, Path rootCertBundle) {
    }

    String toYaml() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("version", "0.1");
        config.put("log", Map.of("level", "info", "formatter", "text"));
        config.put("storage", Map.of(
                "filesystem", Map.of("rootdirectory", storageRoot.toString()),
                "delete", Map.of("enabled", true),
                "maintenance", Map.of("uploadpurging", Map.of("enabled", false))));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("addr", "127.0.0.1:" + port);
        http.put("secret", secret);
        if (tlsCert != null) {
            http.put("tls", Map.of("certificate", tlsCert.toString(), "key", tlsKey.toString()));
        }
        config.put("http", http);
        config.put("health", Map.of("storagedriver", Map.of("enabled", false)));
        if (htpasswd != null) {
            config.put("auth", Map.of("htpasswd", Map.of("realm", "stella-basic", "path", htpasswd.toString())));
        } else if (token != null) {
            config.put("auth", Map.of("token", Map.of(
                    "realm", token.realm(),
                    "service", token.service(),
                    "issuer", token.issuer(),
                    "rootcertbundle", token.rootCertBundle().toString())));
        }
        if (redirectBaseUrl != null) {
            config.put("middleware", Map.of("storage",
                    List.of(Map.of("name", "redirect", "options", Map.of("baseurl", redirectBaseUrl)))));
        }
        if (schema1Enabled) {
            config.put("compatibility", Map.of("schema1", Map.of("enabled", true)));
        }
        try {
            return new YAMLMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
