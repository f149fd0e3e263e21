package io.stella.scan.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The run_images table: one row per image and run. */
final class ImageRows {
    private static final String COLUMNS = "image_key, repository, tags, digest, platform, created, status, "
            + "failure_code, failure_message, skip_reason, critical_count, high_count, medium_count, low_count, "
            + "unknown_count, findings, pull_millis, analyze_millis, match_millis, finished_at";
    private static final String UPSERT = "INSERT INTO run_images (run_id, " + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (run_id, image_key) DO UPDATE SET repository = excluded.repository, "
            + "tags = excluded.tags, digest = excluded.digest, platform = excluded.platform, "
            + "created = excluded.created, status = excluded.status, failure_code = excluded.failure_code, "
            + "failure_message = excluded.failure_message, skip_reason = excluded.skip_reason, "
            + "critical_count = excluded.critical_count, high_count = excluded.high_count, "
            + "medium_count = excluded.medium_count, low_count = excluded.low_count, "
            + "unknown_count = excluded.unknown_count, findings = excluded.findings, "
            + "pull_millis = excluded.pull_millis, analyze_millis = excluded.analyze_millis, "
            + "match_millis = excluded.match_millis, finished_at = excluded.finished_at";
    /** Per repository and digest, the newest successful record of any run of the registry. */
    private static final String KNOWN = "SELECT repository, tags, digest, platform, created, finished_at FROM ("
            + "SELECT i.repository, i.tags, i.digest, i.platform, i.created, i.finished_at, ROW_NUMBER() OVER ("
            + "PARTITION BY i.repository, i.digest ORDER BY i.finished_at DESC, i.run_id DESC) AS newest "
            + "FROM run_images i JOIN runs r ON r.id = i.run_id "
            + "WHERE r.registry = ? AND i.status = 'SUCCESS' AND i.digest IS NOT NULL) latest WHERE newest = 1";

    private final Database db;

    ImageRows(Database db) {
        this.db = db;
    }

    void record(long runId, ImageRecord record) {
        db.write("recording image " + record.imageKey() + " of run " + runId, c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                int i = 1;
                upsert.setLong(i++, runId);
                upsert.setString(i++, record.imageKey());
                upsert.setString(i++, record.repository());
                upsert.setString(i++, Columns.strings(record.tags()));
                upsert.setString(i++, record.digest());
                upsert.setString(i++, record.platform());
                Columns.setInstant(upsert, i++, record.created());
                upsert.setString(i++, record.status().name());
                upsert.setString(i++, record.failureCode());
                upsert.setString(i++, record.failureMessage());
                upsert.setString(i++, record.skipReason());
                SeverityCounts counts = record.counts();
                Columns.setInteger(upsert, i++, counts == null ? null : counts.critical());
                Columns.setInteger(upsert, i++, counts == null ? null : counts.high());
                Columns.setInteger(upsert, i++, counts == null ? null : counts.medium());
                Columns.setInteger(upsert, i++, counts == null ? null : counts.low());
                Columns.setInteger(upsert, i++, counts == null ? null : counts.unknown());
                Columns.setBytes(upsert, i++, record.findings());
                upsert.setLong(i++, record.pullMillis());
                upsert.setLong(i++, record.analyzeMillis());
                upsert.setLong(i++, record.matchMillis());
                Columns.setInstant(upsert, i, record.finishedAt());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    Set<String> keys(long runId) {
        return db.read("reading the images of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT image_key FROM run_images WHERE run_id = ?")) {
                select.setLong(1, runId);
                Set<String> keys = new HashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return Set.copyOf(keys);
            }
        });
    }

    /** Sorted here, not by SQL: PostgreSQL would order by the database's collation, SQLite by bytes. */
    List<ImageRecord> records(long runId) {
        return db.read("reading the images of run " + runId, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM run_images WHERE run_id = ?")) {
                select.setLong(1, runId);
                List<ImageRecord> records = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        records.add(record(rs));
                    }
                }
                records.sort(Comparator.comparing(ImageRecord::imageKey));
                return List.copyOf(records);
            }
        });
    }

    List<KnownImage> known(String registry) {
        return db.read("reading the known images of " + registry, c -> {
            try (PreparedStatement select = c.prepareStatement(KNOWN)) {
                select.setString(1, registry);
                List<KnownImage> known = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        known.add(new KnownImage(rs.getString("repository"), Columns.strings(rs, "tags"),
                                rs.getString("digest"), rs.getString("platform"), Columns.instant(rs, "created"),
                                Columns.instant(rs, "finished_at")));
                    }
                }
                known.sort(Comparator.comparing(KnownImage::repository).thenComparing(KnownImage::digest));
                return List.copyOf(known);
            }
        });
    }

    private static ImageRecord record(ResultSet rs) throws SQLException {
        Integer critical = Columns.integer(rs, "critical_count");
        SeverityCounts counts = critical == null ? null : new SeverityCounts(critical, rs.getInt("high_count"),
                rs.getInt("medium_count"), rs.getInt("low_count"), rs.getInt("unknown_count"));
        return new ImageRecord(rs.getString("image_key"), rs.getString("repository"), Columns.strings(rs, "tags"),
                rs.getString("digest"), rs.getString("platform"), Columns.instant(rs, "created"),
                ImageStatus.valueOf(rs.getString("status")), rs.getString("failure_code"),
                rs.getString("failure_message"), rs.getString("skip_reason"), counts, rs.getBytes("findings"),
                rs.getLong("pull_millis"), rs.getLong("analyze_millis"), rs.getLong("match_millis"),
                Columns.instant(rs, "finished_at"));
    }
}
