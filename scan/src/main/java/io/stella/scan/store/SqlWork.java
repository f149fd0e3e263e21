package io.stella.scan.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements run on one connection of a {@link Database}. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
