package io.stella.scan.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite results store: one connection for writes, used by one thread at a time, so the writes of many worker
 * threads queue here instead of failing with SQLITE_BUSY; reads take connections of their own (WAL lets them
 * read beside the writer), so cache look-ups of many workers do not queue behind record writes. Other processes on the same file wait up to the busy timeout;
 * write transactions begin IMMEDIATE, taking the write lock at once, so two processes never deadlock upgrading
 * a read to a write.
 */
final class SqliteDatabase implements Database {
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;
    private static final Map<String, String> PLACEHOLDERS =
            Map.of("id_type", "INTEGER PRIMARY KEY AUTOINCREMENT", "bytes_type", "BLOB");

    private static final int MAX_READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final String describe;
    private final Connection connection;
    private final SQLiteDataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.BlockingQueue<Connection> idleReaders = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.List<Connection> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.Semaphore readerSlots = new java.util.concurrent.Semaphore(MAX_READERS);
    private volatile boolean closed;

    private SqliteDatabase(String describe, Connection connection, SQLiteDataSource dataSource) {
        this.describe = describe;
        this.connection = connection;
        this.dataSource = dataSource;
    }

    static ResultsStore openStore(Path file, StoreEnvironment environment) {
        Path absolute = file.toAbsolutePath();
        String describe = "sqlite " + absolute;
        createParent(absolute, describe);
        SQLiteDataSource dataSource = new SQLiteDataSource(config());
        dataSource.setUrl("jdbc:sqlite:" + absolute);
        Connection connection = connect(dataSource, describe);
        try {
            int version = Migrations.migrate(dataSource, describe, PLACEHOLDERS);
            return new JdbcResultsStore(new SqliteDatabase(describe, connection, dataSource), version, environment);
        } catch (RuntimeException | Error e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode NORMAL loses no committed transaction when the process is killed, only on power loss.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static void createParent(Path file, String describe) {
        Path parent = file.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw StoreFailures.cannotOpen(describe, "cannot create its directory " + parent + " (" + e + ")", e);
        }
    }

    /** Opening applies the pragmas, the first reads of the file: a file of another kind fails here. */
    private static Connection connect(SQLiteDataSource dataSource, String describe) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT COUNT(*) FROM sqlite_master").close();
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw StoreFailures.cannotOpen(describe, "it is not a SQLite database or cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public <T> T write(String what, SqlWork<T> work) {
        return withConnection(what, c -> Database.inTransaction(c, work));
    }

    @Override
    public <T> T read(String what, SqlWork<T> work) {
        try {
            readerSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while waiting to read " + describe);
        }
        Connection reader = null;
        try {
            if (closed) {
                throw new IllegalStateException("the results store " + describe + " is closed");
            }
            reader = idleReaders.poll();
            if (reader == null) {
                reader = connect(dataSource, describe);
                readers.add(reader);
            }
            return work.run(reader);
        } catch (SQLException e) {
            throw StoreFailures.failed(describe, what, e.getMessage(), e);
        } finally {
            if (reader != null) {
                idleReaders.add(reader);
            }
            readerSlots.release();
        }
    }

    private <T> T withConnection(String what, SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the results store " + describe + " is closed");
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreFailures.failed(describe, what, e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String lockRowClause() {
        return "";
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly(connection);
                readers.forEach(SqliteDatabase::closeQuietly);
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection that cannot be closed
        }
    }
}
