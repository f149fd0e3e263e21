package io.stella.registry.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to get a registry's credentials. The config never holds a secret in clear, only where to find it:
 * a username with {@code password_env} or {@code password_file}, a bearer token in {@code token_env}, or a
 * password stella encrypted with its master key ({@code password_encrypted}, see {@link SecretCipher}).
 * All fields may be null; with all null there are no credentials.
 *
 * @param username     the user name to send with the password
 * @param passwordEnv  the name of the environment variable holding the password
 * @param passwordFile a file whose contents (trailing newline trimmed) are the password
 * @param tokenEnv     the name of the environment variable holding a registry bearer token
 * @param passwordEncrypted the password encrypted by stella ({@code v1:} and base64 of nonce and AES-GCM ciphertext)
 */
public record CredentialsConfig(String username, String passwordEnv, Path passwordFile, String tokenEnv,
                                String passwordEncrypted) {

    public static final CredentialsConfig NONE = new CredentialsConfig(null, null, null, null, null);

    public CredentialsConfig {
        requireNotBlank("username", username);
        EnvVarNames.check("password_env", passwordEnv);
        EnvVarNames.check("token_env", tokenEnv);
        if (passwordFile != null && passwordFile.toString().isBlank()) {
            throw new InvalidConfigValueException("password_file", "password_file is empty; give the path of a file holding the password");
        }
        if (passwordEncrypted != null) {
            SecretCipher.checkFormat("password_encrypted", passwordEncrypted);
        }
        int passwordSources = (passwordEnv != null ? 1 : 0) + (passwordFile != null ? 1 : 0) + (passwordEncrypted != null ? 1 : 0);
        boolean hasPassword = passwordSources > 0;
        if (passwordSources > 1) {
            throw passwordEncrypted == null
                    ? new InvalidConfigValueException("password_file", "set either password_env or password_file, not both")
                    : new InvalidConfigValueException("password_encrypted",
                            "set only one of password_env, password_file and password_encrypted");
        }
        if (tokenEnv != null && hasPassword) {
            throw new InvalidConfigValueException("token_env",
                    "token_env cannot be combined with password_env/password_file/password_encrypted; use token_env alone for a "
                            + "registry bearer token, or username with password_env for a token used as password");
        }
        if (tokenEnv != null && username != null) {
            throw new InvalidConfigValueException("username",
                    "username is not used with token_env (a bearer token carries no user name); remove it, or use "
                            + "password_env instead of token_env to send the token as the user's password");
        }
        if (hasPassword && username == null) {
            throw new InvalidConfigValueException("username", "username is required with password_env/password_file/password_encrypted");
        }
        if (username != null && !hasPassword) {
            throw new InvalidConfigValueException("username",
                    "username needs a password: add password_env (an environment variable name) or password_file");
        }
    }

    public CredentialsConfig(String username, String passwordEnv, Path passwordFile, String tokenEnv) {
        this(username, passwordEnv, passwordFile, tokenEnv, null);
    }

    /** Whether any credential is configured. */
    public boolean isConfigured() {
        return username != null || tokenEnv != null;
    }

    public Optional<String> passwordEnvName() {
        return Optional.ofNullable(passwordEnv);
    }

    public Optional<Path> passwordFilePath() {
        return Optional.ofNullable(passwordFile);
    }

    public Optional<String> encryptedPassword() {
        return Optional.ofNullable(passwordEncrypted);
    }

    public Optional<String> tokenEnvName() {
        return Optional.ofNullable(tokenEnv);
    }

    CredentialsConfig resolvedAgainst(Path directory) {
        return passwordFile == null ? this
                : new CredentialsConfig(username, passwordEnv, directory.resolve(passwordFile), tokenEnv, passwordEncrypted);
    }

    private static void requireNotBlank(String key, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidConfigValueException(key, key + " is empty; remove it or give a value");
        }
    }
}
