package io.stella.scan.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/** A content-addressed cache table: opaque bytes by digest and the analyzer version that made them. */
final class ContentCache {
    private final Database db;
    private final String table;
    private final Clock clock;

    ContentCache(Database db, String table, Clock clock) {
        this.db = db;
        this.table = table;
        this.clock = clock;
    }

    Optional<byte[]> get(String digest, String analyzerVersion) {
        return db.read("reading " + table + " " + digest, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT data FROM " + table + " WHERE digest = ? AND analyzer_version = ?")) {
                select.setString(1, digest);
                select.setString(2, analyzerVersion);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** The same digest and analyzer version always make the same bytes: the first put stays, later ones are no-ops. */
    void put(String digest, String analyzerVersion, byte[] data) {
        db.write("caching " + table + " " + digest, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " (digest, analyzer_version, data, stored_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (digest, analyzer_version) DO NOTHING")) {
                insert.setString(1, digest);
                insert.setString(2, analyzerVersion);
                insert.setBytes(3, data);
                insert.setLong(4, clock.millis());
                insert.executeUpdate();
            }
            return null;
        });
    }
}
