package io.stella.inventory.analyzers.rpm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteLimits;

/**
 * Reads the header blobs of rpm's SQLite database ({@code rpmdb.sqlite}, table {@code Packages}, column
 * {@code blob}). SQLite needs a file, so the bytes go to a private temporary file that is deleted
 * afterwards. It is opened read-only and {@code immutable} (no locks, no journal, and WAL-mode databases,
 * which rpm writes, are readable without their {@code -wal}/{@code -shm} companions).
 *
 * <p>Against hostile files: {@code Packages} must be a real table (a view could run an endless recursive
 * query); stored values cannot add up to more than the file, so no value may be longer and reading stops
 * once they do (generated columns can compute values); and a statement gets a budget of virtual-machine
 * steps proportional to the file size after which SQLite interrupts it.
 */
final class SqliteRpmdbReader {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int STEPS_PER_CALLBACK = 10_000;
    /** A full table scan costs a few dozen steps per row and a stored row takes at least a few bytes. */
    private static final long STEPS_PER_FILE_BYTE = 16;
    private static final long MIN_STEPS = 10_000_000;

    private SqliteRpmdbReader() {}

    static List<byte[]> read(byte[] file, DatabaseProblems problems) throws IOException {
        if (file.length < SQLITE_MAGIC.length
                || !Arrays.equals(file, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0, SQLITE_MAGIC.length)) {
            problems.malformed("not an SQLite database (no \"SQLite format 3\" header)");
            return List.of();
        }
        if (file.length < 100) {
            problems.malformed("file of " + file.length + " bytes is shorter than an SQLite header");
            return List.of();
        }
        reportTruncation(file, problems);
        Path copy = Files.createTempFile("stella-rpmdb-", ".sqlite");
        try {
            Files.write(copy, file);
            return query(copy, file.length, problems);
        } finally {
            Files.deleteIfExists(copy);
            for (String companion : List.of("-journal", "-wal", "-shm")) {
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + companion));
            }
        }
    }

    /**
     * SQLite reads missing pages of a truncated file as zeros and may not notice when they hold nothing it
     * visits, so compare the size the header records (valid when its two change counters agree) with the file.
     */
    private static void reportTruncation(byte[] file, DatabaseProblems problems) {
        try {
            int pageSizeField = ByteFields.u16(file, 16, true);
            long pageSize = pageSizeField == 1 ? 65536 : pageSizeField;
            long pageCount = ByteFields.u32(file, 28, true);
            boolean countValid = ByteFields.u32(file, 24, true) == ByteFields.u32(file, 92, true);
            if (countValid && pageCount * pageSize > file.length) {
                problems.malformed("the header records " + pageCount + " pages of " + pageSize + " bytes ("
                        + pageCount * pageSize + " bytes) but the file has " + file.length + " bytes (truncated?)");
            }
        } catch (MalformedRpmDataException e) {
            problems.malformed(e.getMessage());
        }
    }

    private static List<byte[]> query(Path copy, long fileSize, DatabaseProblems problems) {
        List<byte[]> blobs = new ArrayList<>();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        int maxValueLength = (int) Math.min(Integer.MAX_VALUE, fileSize);
        try (Connection connection = config.createConnection("jdbc:sqlite:file:" + copy + "?immutable=1")) {
            connection.unwrap(org.sqlite.SQLiteConnection.class).getDatabase()
                    .limit(SQLiteLimits.SQLITE_LIMIT_LENGTH.getId(), maxValueLength);
            long budget = Math.max(MIN_STEPS, fileSize * STEPS_PER_FILE_BYTE) / STEPS_PER_CALLBACK;
            ProgressHandler.setHandler(connection, STEPS_PER_CALLBACK, new ProgressHandler() {
                private long callbacks;

                @Override
                protected int progress() {
                    return ++callbacks > budget ? 1 : 0;
                }
            });
            if (!hasPackagesTable(connection)) {
                problems.malformed("has no table named Packages");
                return blobs;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT hnum, blob FROM Packages");
                    ResultSet rows = select.executeQuery()) {
                long total = 0;
                while (rows.next()) {
                    byte[] blob = rows.getBytes(2);
                    if (blob == null) {
                        problems.malformed("row with hnum " + rows.getString(1) + " has no header blob");
                        continue;
                    }
                    total += blob.length;
                    if (total > fileSize) {
                        problems.malformed("the Packages values add up to more than the file's " + fileSize
                                + " bytes, so they are computed, not stored; stopped reading");
                        break;
                    }
                    blobs.add(blob);
                }
            }
        } catch (SQLException e) {
            problems.malformed("SQLite could not read it: " + e.getMessage());
        }
        return blobs;
    }

    private static boolean hasPackagesTable(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'Packages'");
                ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }
}
