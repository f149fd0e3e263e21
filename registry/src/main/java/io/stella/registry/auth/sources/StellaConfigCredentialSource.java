package io.stella.registry.auth.sources;

import io.stella.registry.Secret;
import io.stella.registry.auth.Credential;
import io.stella.registry.auth.CredentialOrigin;
import io.stella.registry.auth.CredentialSource;
import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.CredentialsConfig;
import io.stella.registry.config.MasterKey;
import io.stella.registry.config.SecretCipher;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.StellaConfig;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Credentials from the {@code credentials} section of a registry in stella's config. Environment
 * variables and password files are read at lookup time, so a broken entry only fails scans of its own
 * registry.
 */
public final class StellaConfigCredentialSource implements CredentialSource {

    private final StellaConfig config;
    private final Map<String, String> env;

    public StellaConfigCredentialSource(StellaConfig config, Map<String, String> env) {
        this.config = Objects.requireNonNull(config, "config");
        this.env = Map.copyOf(env);
    }

    @Override
    public Optional<ResolvedCredential> lookup(String registryHost) {
        OptionalInt index = config.indexOfHost(registryHost);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        RegistryConfig registry = config.registries().get(index.getAsInt());
        CredentialsConfig credentials = registry.credentials();
        if (!credentials.isConfigured()) {
            return Optional.empty();
        }
        Entry entry = new Entry(registry, index.getAsInt());
        if (credentials.tokenEnvName().isPresent()) {
            String variable = credentials.tokenEnvName().get();
            Secret token = fromEnv(entry, "token_env", variable);
            return Optional.of(new ResolvedCredential(new Credential.RegistryToken(token),
                    origin(entry, "token_env=" + variable)));
        }
        if (credentials.passwordEnvName().isPresent()) {
            String variable = credentials.passwordEnvName().get();
            Secret password = fromEnv(entry, "password_env", variable);
            return Optional.of(new ResolvedCredential(new Credential.UsernamePassword(credentials.username(), password),
                    origin(entry, "password_env=" + variable)));
        }
        if (credentials.encryptedPassword().isPresent()) {
            Secret password = decrypt(entry, credentials.encryptedPassword().get());
            return Optional.of(new ResolvedCredential(new Credential.UsernamePassword(credentials.username(), password),
                    new CredentialOrigin("stella-config (encrypted)",
                            configLabel() + " registries[" + entry.registry.name() + "] password_encrypted")));
        }
        Path file = credentials.passwordFilePath().orElseThrow();
        Secret password = fromFile(entry, file);
        return Optional.of(new ResolvedCredential(new Credential.UsernamePassword(credentials.username(), password),
                origin(entry, "password_file=" + file)));
    }

    @Override
    public String describe() {
        return config.source().map(file -> "stella config " + file).orElse("stella config (no file)")
                + " (" + config.registries().size() + " registries)";
    }

    private Secret fromEnv(Entry entry, String key, String variable) {
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            throw failure(entry, key, "names environment variable " + variable + ", which is "
                            + (value == null ? "not set" : "empty"),
                    "Export " + variable + " with the " + (key.equals("token_env") ? "token" : "password") + " for "
                            + entry.registry.hostKey() + ", or change " + key + " in " + configLabel() + ".")
                    .evidence("env_var", variable)
                    .build();
        }
        return Secret.of(value);
    }

    private Secret decrypt(Entry entry, String value) {
        MasterKey key = MasterKey.find(env).orElseThrow(() -> failure(entry, "password_encrypted",
                "is encrypted, but there is no master key: " + MasterKey.ENV_VAR + " is not set and "
                        + MasterKey.file(env) + " does not exist",
                "Set " + MasterKey.ENV_VAR + " (or restore " + MasterKey.file(env) + ") to the key the password was "
                        + "encrypted with, or store the credential again with 'stella registry update-credentials "
                        + entry.registry.name() + "'.")
                .build());
        try {
            return new SecretCipher(key).decrypt(value);
        } catch (SecretCipher.WrongKeyException e) {
            throw failure(entry, "password_encrypted", "does not decrypt with the master key from " + key.origin(),
                    "Use the master key the password was encrypted with, or store the credential again with "
                            + "'stella registry update-credentials " + entry.registry.name() + "'.")
                    .evidence("master_key", key.origin())
                    .build();
        }
    }

    private Secret fromFile(Entry entry, Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileFailure(entry, file, "does not exist");
        } catch (AccessDeniedException e) {
            throw fileFailure(entry, file, "cannot be read: permission denied");
        } catch (IOException e) {
            throw fileFailure(entry, file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String password = stripTrailingNewlines(content);
        if (password.isEmpty()) {
            throw fileFailure(entry, file, "is empty");
        }
        return Secret.of(password);
    }

    private RegistryException fileFailure(Entry entry, Path file, String problem) {
        return failure(entry, "password_file", "names file " + file + ", which " + problem,
                "Put the password for " + entry.registry.hostKey() + " in " + file + " (readable by the user running "
                        + "stella), or change password_file in " + configLabel() + ".")
                .evidence("password_file", file)
                .build();
    }

    private RegistryException.Builder failure(Entry entry, String key, String problem, String hint) {
        String keyPath = "registries[" + entry.index + "].credentials." + key;
        return RegistryException.builder(FailureCode.CONFIG_INVALID,
                        "registries[" + entry.registry.name() + "] " + keyPath + " in " + configLabel() + " " + problem)
                .hint(hint)
                .registry(entry.registry.hostKey())
                .evidence("file", configLabel())
                .evidence("registry_entry", entry.registry.name())
                .evidence("key", keyPath);
    }

    private CredentialOrigin origin(Entry entry, String how) {
        return new CredentialOrigin("stella-config",
                configLabel() + " registries[" + entry.registry.name() + "] " + how);
    }

    private String configLabel() {
        return config.source().map(Path::toString).orElse("stella config");
    }

    private static String stripTrailingNewlines(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }

    private record Entry(RegistryConfig registry, int index) {
    }
}
