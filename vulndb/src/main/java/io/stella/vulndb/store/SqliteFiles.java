package io.stella.vulndb.store;

import io.stella.vulndb.VulnDbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;

/** Opening, migrating and recognising stella's SQLite database files. */
public final class SqliteFiles {
    static final String MISSING_HINT = "run stella db update, or stella db import PATH for air-gapped hosts";

    private SqliteFiles() {
    }

    /** Creates the schema in a new file, or brings an existing stella database to the current schema. */
    public static void migrate(Path file) {
        try {
            Flyway.configure()
                    .dataSource(url(file), "", "")
                    .loggers("slf4j") // not java.util.logging: the CLI's stderr is for the user
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw corrupt(file, "its schema cannot be created or migrated (" + e.getMessage() + ")", e);
        }
    }

    /** Opens an existing stella database; {@code VULNDB_MISSING} or {@code VULNDB_CORRUPT} otherwise. */
    public static Connection open(Path file, boolean readOnly) {
        if (!Files.isRegularFile(file)) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_MISSING,
                    "no vulnerability database at " + file, MISSING_HINT, Map.of("path", file.toString()), null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        // A scan reads the package index and the advisories it points to at random: keep pages in memory.
        config.setCacheSize(-32_768);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20));
        Connection connection = null;
        try {
            connection = config.createConnection(url(file));
            checkIsStellaDatabase(connection);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw corrupt(file, "it is not a stella vulnerability database (" + e.getMessage() + ")", e);
        }
    }

    /** Both tables a stella database always has; SQLite reports a file of another kind on the first read. */
    private static void checkIsStellaDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    throw new SQLException("no schema migration was applied");
                }
            }
            statement.executeQuery("SELECT COUNT(*) FROM sources").close();
        }
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    static VulnDbException corrupt(Path file, String why, Throwable cause) {
        return new VulnDbException(VulnDbException.Code.VULNDB_CORRUPT, "cannot open " + file + ": " + why,
                "move the file away (or delete it) and run stella db update, or stella db import PATH for "
                        + "air-gapped hosts", Map.of("path", file.toString()), cause);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing: the first error is the one to report
        }
    }
}
