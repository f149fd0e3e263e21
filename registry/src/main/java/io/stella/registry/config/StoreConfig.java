package io.stella.registry.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code store:} section of the config: where registry scan results are kept. By default a SQLite
 * file under {@code $STELLA_HOME}; a PostgreSQL database when several scanners share the results.
 *
 * @param url          a PostgreSQL JDBC url ({@code jdbc:postgresql://db:5432/stella}); null for a SQLite file
 * @param path         the SQLite file; null for {@code $STELLA_HOME/db/results.db}
 * @param username     the PostgreSQL user
 * @param passwordEnv  the name of the environment variable holding the PostgreSQL password
 * @param passwordFile a file whose contents (trailing newline trimmed) are the PostgreSQL password
 */
public record StoreConfig(String url, Path path, String username, String passwordEnv, Path passwordFile) {

    public static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";
    public static final String DEFAULT_SQLITE_FILE = "db/results.db";

    public StoreConfig {
        if (url != null) {
            checkUrl(url);
        }
        if (path != null && path.toString().isBlank()) {
            throw new InvalidConfigValueException("path", "path is empty; give the SQLite file, or remove it for the default");
        }
        if (url != null && path != null) {
            throw new InvalidConfigValueException("path",
                    "set either url (a shared PostgreSQL database) or path (a local SQLite file), not both");
        }
        checkCredentials(url, username, passwordEnv, passwordFile);
    }

    public static StoreConfig defaults() {
        return new StoreConfig(null, null, null, null, null);
    }

    /** The PostgreSQL JDBC url; empty for a SQLite file. */
    public Optional<String> postgresqlUrl() {
        return Optional.ofNullable(url);
    }

    /** The SQLite file, {@code path} or else {@code db/results.db} under {@code stellaHome}; meaningless with a url. */
    public Path sqliteFileOrDefault(Path stellaHome) {
        return path != null ? path : stellaHome.resolve(DEFAULT_SQLITE_FILE);
    }

    public Optional<String> passwordEnvName() {
        return Optional.ofNullable(passwordEnv);
    }

    public Optional<Path> passwordFilePath() {
        return Optional.ofNullable(passwordFile);
    }

    StoreConfig resolvedAgainst(Path directory) {
        return new StoreConfig(url, path == null ? null : directory.resolve(path), username, passwordEnv,
                passwordFile == null ? null : directory.resolve(passwordFile));
    }

    // The url is never echoed: it may carry a password.
    private static void checkUrl(String url) {
        if (url.isBlank()) {
            throw new InvalidConfigValueException("url", "url is empty; give a PostgreSQL JDBC url such as "
                    + "jdbc:postgresql://db:5432/stella, or remove it to use a local SQLite file");
        }
        if (!url.startsWith(POSTGRESQL_URL_PREFIX)) {
            throw new InvalidConfigValueException("url", "only PostgreSQL is supported for a shared store: the url "
                    + "must start with " + POSTGRESQL_URL_PREFIX + ", e.g. jdbc:postgresql://db:5432/stella. "
                    + "For a local SQLite file, remove url and set path (or leave both out for the default)");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=") || url.contains("@")) {
            throw new InvalidConfigValueException("url", "the url must not hold a user name or password; "
                    + "use username with password_env or password_file");
        }
    }

    private static void checkCredentials(String url, String username, String passwordEnv, Path passwordFile) {
        if (username != null && username.isBlank()) {
            throw new InvalidConfigValueException("username", "username is empty; remove it or give a value");
        }
        EnvVarNames.check("password_env", passwordEnv);
        if (passwordFile != null && passwordFile.toString().isBlank()) {
            throw new InvalidConfigValueException("password_file",
                    "password_file is empty; give the path of a file holding the password");
        }
        if (passwordEnv != null && passwordFile != null) {
            throw new InvalidConfigValueException("password_file", "set either password_env or password_file, not both");
        }
        boolean credentials = username != null || passwordEnv != null || passwordFile != null;
        if (url == null && credentials) {
            String key = username != null ? "username" : passwordEnv != null ? "password_env" : "password_file";
            throw new InvalidConfigValueException(key, key + " is only for a PostgreSQL url; "
                    + "a SQLite file needs no credentials");
        }
        if (username == null && (passwordEnv != null || passwordFile != null)) {
            throw new InvalidConfigValueException("username", "username is required with password_env/password_file");
        }
    }
}
