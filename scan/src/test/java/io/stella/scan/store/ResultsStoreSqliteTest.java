package io.stella.scan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an SQLite file; a second store on the same file stands for another process. */
class ResultsStoreSqliteTest extends ResultsStoreContract {

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("state/nested/results.db");
    }

    @Override
    ResultsStore open(StoreEnvironment environment) {
        return SqliteDatabase.openStore(file(), environment);
    }

    @Test
    void createsItsDirectoriesAndFileAndDescribesItself() {
        ResultsStore store = ResultsStore.sqlite(file());
        try (store) {
            assertThat(file()).isRegularFile();
            assertThat(store.describe()).isEqualTo("sqlite " + file().toAbsolutePath());
        }
    }

    @Test
    void theFileIsInWalModeWithItsOwnSchemaHistory() throws SQLException {
        store().close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            try (ResultSet rs = statement.executeQuery(
                    "SELECT version FROM stella_results_schema_history WHERE success = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("1");
            }
        }
    }
}
