package io.stella.vulndb.store;

import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;
import io.stella.vulndb.model.Ecosystems;
import io.stella.vulndb.model.SeverityRating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** Writes sources into a database under construction; the caller owns the transaction. */
public final class SourceWriter {
    private static final int BATCH = 2000;
    private final Connection connection;

    public SourceWriter(Connection connection) {
        this.connection = connection;
    }

    /** Replaces everything the source held with {@code data}. */
    public void replace(SourceData data, Instant importedAt) throws SQLException {
        delete(data.name());
        Instant newest = data.advisories().stream().map(a -> a.advisory().modified()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        try (PreparedStatement source = connection.prepareStatement(
                "INSERT INTO sources (name, origin, imported_at, newest_record, sha256) VALUES (?, ?, ?, ?, ?)")) {
            source.setString(1, data.name());
            source.setString(2, data.origin());
            source.setLong(3, importedAt.toEpochMilli());
            setLong(source, 4, RowCodec.millis(newest));
            source.setString(5, data.sha256());
            source.executeUpdate();
        }
        try (PreparedStatement advisories = connection.prepareStatement("INSERT INTO advisories (source, id, aliases, "
                + "summary, severity, score, vector, published, modified, withdrawn, reference_urls) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement affected = connection.prepareStatement("INSERT INTO affected (source, advisory, "
                     + "position, ecosystem, ecosystem_key, name, normalized_name, ranges, versions, severity, score, "
                     + "vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pendingAdvisories = 0;
            int pendingAffected = 0;
            for (ImportedAdvisory imported : data.advisories()) {
                Advisory a = imported.advisory();
                advisories.setString(1, data.name());
                advisories.setString(2, a.id());
                advisories.setString(3, RowCodec.strings(a.aliases()));
                advisories.setString(4, a.summary());
                setRating(advisories, 5, a.severity());
                setLong(advisories, 8, RowCodec.millis(a.published()));
                setLong(advisories, 9, RowCodec.millis(a.modified()));
                setLong(advisories, 10, RowCodec.millis(a.withdrawn()));
                advisories.setString(11, RowCodec.strings(a.references()));
                advisories.addBatch();
                if (++pendingAdvisories % BATCH == 0) {
                    advisories.executeBatch();
                }
                int position = 0;
                for (Affected entry : imported.affected()) {
                    affected.setString(1, data.name());
                    affected.setString(2, a.id());
                    affected.setInt(3, position++);
                    affected.setString(4, entry.ecosystem());
                    affected.setString(5, Ecosystems.key(entry.ecosystem()));
                    affected.setString(6, entry.name());
                    affected.setString(7, Ecosystems.normalizeName(entry.ecosystem(), entry.name()));
                    affected.setString(8, RowCodec.ranges(entry.ranges()));
                    affected.setString(9, RowCodec.strings(entry.versions()));
                    setRating(affected, 10, entry.severity());
                    affected.addBatch();
                    if (++pendingAffected % BATCH == 0) {
                        affected.executeBatch();
                    }
                }
            }
            advisories.executeBatch();
            affected.executeBatch();
        }
    }

    private void delete(String source) throws SQLException {
        for (String sql : new String[] {"DELETE FROM affected WHERE source = ?", "DELETE FROM advisories WHERE source = ?",
                "DELETE FROM sources WHERE name = ?"}) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, source);
                statement.executeUpdate();
            }
        }
    }

    private static void setRating(PreparedStatement statement, int first, SeverityRating rating) throws SQLException {
        statement.setString(first, rating == null ? null : rating.severity().name());
        if (rating == null || rating.score() == null) {
            statement.setNull(first + 1, Types.DOUBLE);
        } else {
            statement.setDouble(first + 1, rating.score());
        }
        statement.setString(first + 2, rating == null ? null : rating.vector());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
