package io.stella.vulndb.store;

import io.stella.vulndb.VulnDbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A new version of a database file, built beside it and swapped in with one atomic move on {@link #commit}.
 * Until then the previous file stays untouched and usable; closing without committing discards the build.
 */
public final class DatabaseBuild implements AutoCloseable {
    private final Path target;
    private final Path building;
    private Connection connection;
    private boolean committed;

    private DatabaseBuild(Path target, Path building) {
        this.target = target;
        this.building = building;
    }

    /** Starts from a copy of the current database (which must be a stella database), or from an empty one. */
    public static DatabaseBuild start(Path target) {
        DatabaseBuild build = new DatabaseBuild(target, sibling(target, "building"));
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            if (Files.exists(target)) {
                SqliteFiles.closeQuietly(SqliteFiles.open(target, true)); // refuses a file that is not a stella DB
                Files.copy(target, build.building, StandardCopyOption.COPY_ATTRIBUTES);
            }
            SqliteFiles.migrate(build.building);
            build.connection = SqliteFiles.open(build.building, false);
            build.connection.setAutoCommit(false);
            return build;
        } catch (IOException | SQLException | RuntimeException e) {
            build.close();
            if (e instanceof VulnDbException v) {
                throw v;
            }
            throw new VulnDbException(VulnDbException.Code.VULNDB_CORRUPT, "cannot prepare a new version of "
                    + target + ": " + e.getMessage(), "check that the directory is writable and has free space",
                    Map.of("path", target.toString()), e);
        }
    }

    /** Starts from a complete database file (a bundle's); the caller has verified it. Takes over the file. */
    public static DatabaseBuild adopt(Path target, Path complete) {
        DatabaseBuild build = new DatabaseBuild(target, complete);
        build.connection = SqliteFiles.open(complete, false);
        return build;
    }

    public Connection connection() {
        return connection;
    }

    /** Commits the content and moves it over the previous database in one step. */
    public void commit() {
        try {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            connection.close();
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
        } catch (IOException | SQLException e) {
            throw new VulnDbException(VulnDbException.Code.VULNDB_CORRUPT, "cannot replace " + target + " with its "
                    + "new version: " + e.getMessage() + "; the previous database is unchanged",
                    "check that the directory is writable and has free space", Map.of("path", target.toString()), e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        SqliteFiles.closeQuietly(connection);
        try {
            Files.deleteIfExists(building);
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + "-journal"));
        } catch (IOException ignored) {
            // a leftover temporary file next to the database is harmless; the import error matters more
        }
    }

    /** A temporary file in the target's directory, so that the final move stays on one file system. */
    public static Path sibling(Path target, String purpose) {
        return target.toAbsolutePath().resolveSibling(target.getFileName() + "." + purpose + "-" + UUID.randomUUID());
    }
}
