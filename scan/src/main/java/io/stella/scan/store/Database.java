package io.stella.scan.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections of a results store and how to use them. An {@link SQLException} out of a unit of work becomes a
 * {@code STORE_UNAVAILABLE} failure saying what was being done; other exceptions pass through unchanged (after a
 * rollback).
 */
interface Database extends AutoCloseable {

    /** "sqlite /path/results.db", or the JDBC URL without secrets. */
    String describe();

    /** Runs the work in one transaction that takes the write lock where the database has one (SQLite). */
    <T> T write(String what, SqlWork<T> work);

    /** Runs the work on a connection in auto-commit mode. */
    <T> T read(String what, SqlWork<T> work);

    /**
     * Appended to a SELECT in {@link #write} that reads a row it may then change: PostgreSQL locks the row
     * ({@code FOR UPDATE}); SQLite needs nothing, its write transaction already excludes every other writer.
     */
    String lockRowClause();

    @Override
    void close();

    /** Commits the work, or rolls it back when it throws; the connection is back in auto-commit mode after. */
    static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
    }
}
