package io.stella.scan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files a SQLite results store must refuse, unchanged. */
class ResultsStoreSqliteFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotASqliteDatabaseIsUnavailableAndLeftAlone() throws IOException {
        Path file = dir.resolve("results.db");
        byte[] garbage = "this is not a database, just some text that happens to be here\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);

        RegistryException e = unavailable(file);
        assertThat(e.getMessage()).startsWith("cannot open the results store sqlite " + file.toAbsolutePath())
                .contains("not a SQLite database");
        assertThat(e.hint()).isEqualTo(FailureCode.STORE_UNAVAILABLE.defaultHint());
        assertThat(e.evidence()).containsEntry("store", "sqlite " + file.toAbsolutePath());
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aSqliteDatabaseOfAnotherKindIsUnavailableAndLeftAlone() throws SQLException {
        Path file = dir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE precious (x TEXT)");
            statement.execute("INSERT INTO precious VALUES ('keep me')");
        }

        RegistryException e = unavailable(file);
        assertThat(e.getMessage()).contains("sqlite " + file.toAbsolutePath())
                .contains("its schema cannot be created or migrated");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("precious");
            assertThat(rs.next()).as("no table was added").isFalse();
        }
    }

    @Test
    void aStoreWrittenByANewerStellaIsUnavailableAndItsDataKept() throws SQLException {
        Path file = dir.resolve("results.db");
        long run;
        try (ResultsStore store = ResultsStore.sqlite(file)) {
            run = store.startOrResumeRun("r.example.com", "full", Instant.EPOCH).id();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO stella_results_schema_history (installed_rank, version, description, "
                    + "type, script, checksum, installed_by, installed_on, execution_time, success) VALUES "
                    + "(2, '2', 'from the future', 'SQL', 'V2__from_the_future.sql', 1, 'test', "
                    + "CURRENT_TIMESTAMP, 1, 1)");
        }

        RegistryException e = unavailable(file);
        assertThat(e.getMessage()).contains("sqlite " + file.toAbsolutePath())
                .contains("written by a newer stella (schema version 2; this stella knows up to 1)");
        assertThat(e.hint()).contains("stella version that wrote this store");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(run);
        }
    }

    @Test
    void aFileInAPlaceThatCannotBeADirectoryIsUnavailable() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        RegistryException e = unavailable(notADirectory.resolve("results.db"));
        assertThat(e.getMessage()).contains("cannot create its directory " + notADirectory.toAbsolutePath());
    }

    private static RegistryException unavailable(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ResultsStore.sqlite(file).close());
        assertThat(thrown).isInstanceOf(RegistryException.class);
        RegistryException e = (RegistryException) thrown;
        assertThat(e.code()).isEqualTo(FailureCode.STORE_UNAVAILABLE);
        return e;
    }
}
