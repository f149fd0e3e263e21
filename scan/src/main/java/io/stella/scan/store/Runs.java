package io.stella.scan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The runs table. */
final class Runs {
    private static final String COLUMNS =
            "id, registry, mode, started_at, finished_at, resumes, total_images, succeeded, failed, skipped";

    private final Database db;

    Runs(Database db) {
        this.db = db;
    }

    ScanRun startOrResume(String registry, String mode, Instant now) {
        return db.write("starting a run of " + registry, c -> {
            Optional<Long> unfinished = newestUnfinished(c, registry, mode);
            long id;
            if (unfinished.isPresent()) {
                id = unfinished.get();
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE runs SET resumes = resumes + 1 WHERE id = ?")) {
                    update.setLong(1, id);
                    update.executeUpdate();
                }
            } else {
                id = insert(c, registry, mode, now);
            }
            return find(c, id).orElseThrow();
        });
    }

    private static Optional<Long> newestUnfinished(Connection c, String registry, String mode) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM runs "
                + "WHERE registry = ? AND mode = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1")) {
            select.setString(1, registry);
            select.setString(2, mode);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insert(Connection c, String registry, String mode, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO runs (registry, mode, started_at, resumes) VALUES (?, ?, ?, 0) RETURNING id")) {
            insert.setString(1, registry);
            insert.setString(2, mode);
            Columns.setInstant(insert, 3, now);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void finish(long runId, RunTotals totals, Instant now) {
        db.write("finishing run " + runId, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET finished_at = ?, total_images = ?, "
                    + "succeeded = ?, failed = ?, skipped = ? WHERE id = ?")) {
                Columns.setInstant(update, 1, now);
                update.setInt(2, totals.total());
                update.setInt(3, totals.success());
                update.setInt(4, totals.failed());
                update.setInt(5, totals.skipped());
                update.setLong(6, runId);
                if (update.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no run " + runId + " in the results store " + db.describe());
                }
            }
            return null;
        });
    }

    Optional<ScanRun> latest(String registry) {
        return db.read("reading the latest run of " + registry, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM runs WHERE registry = ? ORDER BY id DESC LIMIT 1")) {
                select.setString(1, registry);
                return one(select);
            }
        });
    }

    Optional<ScanRun> run(long runId) {
        return db.read("reading run " + runId, c -> find(c, runId));
    }

    private static Optional<ScanRun> find(Connection c, long runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            select.setLong(1, runId);
            return one(select);
        }
    }

    private static Optional<ScanRun> one(PreparedStatement select) throws SQLException {
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(scanRun(rs)) : Optional.empty();
        }
    }

    private static ScanRun scanRun(ResultSet rs) throws SQLException {
        Optional<Instant> finishedAt = Optional.ofNullable(Columns.instant(rs, "finished_at"));
        Integer total = Columns.integer(rs, "total_images");
        Optional<RunTotals> totals = total == null ? Optional.empty()
                : Optional.of(new RunTotals(total, rs.getInt("succeeded"), rs.getInt("failed"), rs.getInt("skipped")));
        return new ScanRun(rs.getLong("id"), rs.getString("registry"), rs.getString("mode"),
                Columns.instant(rs, "started_at"), finishedAt, rs.getInt("resumes") > 0, totals);
    }
}
