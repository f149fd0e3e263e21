package io.stella.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class LocalPostgresIntegrationTest {

    @Test
    void theUserLogsInWithItsPasswordOnlyAndOwnsItsDatabases() throws SQLException {
        String log;
        int port;
        Path directory;
        try (LocalPostgres postgres = LocalPostgres.start()) {
            port = postgres.port();
            directory = postgres.directory();
            assertThat(directory.resolve("data/PG_VERSION")).isRegularFile();
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/stella");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                    postgres.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (x INTEGER)");
                statement.execute("INSERT INTO t VALUES (42)");
                try (ResultSet rs = statement.executeQuery("SELECT x, current_user FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                    assertThat(rs.getString(2)).isEqualTo("stella");
                }
            }
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");

            String other = postgres.newDatabase();
            assertThat(other).isNotEqualTo(postgres.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + port + "/");
            try (Connection connection = DriverManager.getConnection(other, postgres.username(), postgres.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (x INTEGER)"); // a fresh database: no table t yet
            }
            log = postgres.log();
        }
        assertThat(log).contains("database system is ready to accept connections");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).as("the server stopped on close").isInstanceOf(ConnectException.class);
        assertThat(directory).doesNotExist();
    }
}
