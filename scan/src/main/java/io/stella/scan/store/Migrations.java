package io.stella.scan.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Creates or migrates the results store's schema with Flyway, refusing a schema newer than this stella's. */
final class Migrations {
    /** Not Flyway's default, which the vulnerability database uses: neither can be mistaken for the other. */
    static final String HISTORY_TABLE = "stella_results_schema_history";
    private static final String LOCATION = "classpath:io/stella/scan/store/migration";
    /** The newest migration shipped (V{LATEST}__…sql); a test keeps it in step with the resources. */
    static final int LATEST = 1;

    private Migrations() {
    }

    /** Brings the store to the current schema and returns its version; {@code STORE_UNAVAILABLE} otherwise. */
    static int migrate(DataSource dataSource, String store, Map<String, String> placeholders) {
        OptionalInt applied = appliedVersion(dataSource);
        if (applied.isPresent() && applied.getAsInt() == LATEST) {
            return LATEST; // current: Flyway's start-up (a second or so on a cold JVM) is not needed
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(LOCATION)
                    .placeholders(placeholders)
                    .loggers("slf4j") // not java.util.logging: the CLI's stderr is for the user
                    .load();
            refuseNewer(flyway, store);
            flyway.migrate();
            return Integer.parseInt(flyway.info().current().getVersion().getVersion());
        } catch (FlywayException e) {
            throw StoreFailures.cannotOpen(store,
                    "its schema cannot be created or migrated (" + e.getMessage().strip() + ")", e);
        }
    }

    /**
     * The newest successfully applied version in the history table, read with plain SQL; empty when there is
     * no history yet or it cannot be read (then Flyway decides and explains).
     */
    private static OptionalInt appliedVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             Statement statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM " + HISTORY_TABLE
                     + " WHERE success = " + (c.getMetaData().getDatabaseProductName().contains("SQLite") ? "1" : "TRUE")
                     + " AND version IS NOT NULL")) {
            int newest = -1;
            while (rs.next()) {
                newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
            }
            return newest < 0 ? OptionalInt.empty() : OptionalInt.of(newest);
        } catch (SQLException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Flyway ignores applied migrations it does not know; a newer stella's schema must not be written to. */
    private static void refuseNewer(Flyway flyway, String store) {
        MigrationInfo[] all = flyway.info().all();
        MigrationInfo newest = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b)
                .orElse(null);
        if (newest != null) {
            String known = Arrays.stream(all).filter(m -> m.getState().isResolved()).reduce((a, b) -> b)
                    .map(m -> m.getVersion().getVersion()).orElse("none");
            throw StoreFailures.cannotOpen(store, "it was written by a newer stella (schema version "
                            + newest.getVersion().getVersion() + "; this stella knows up to " + known + ")",
                    "Use the stella version that wrote this store, or give this one another store.", null);
        }
    }
}
