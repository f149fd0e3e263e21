package io.stella.vulndb.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stella.vulndb.Sha256;
import io.stella.vulndb.VulnDbException;
import io.stella.vulndb.store.DatabaseBuild;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.SqliteVulnerabilityStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an offline bundle: a zip with the database file ({@code stella.db}), {@code manifest.json} (format,
 * sources with record counts, build time, size and sha256 of every part) and {@code manifest.sha256}.
 */
public final class BundleExporter {
    static final String DATABASE_PART = "stella.db";
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_DIGEST = "manifest.sha256";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleExporter() {
    }

    public static BundleManifest export(Path database, Path file, Clock clock) {
        DatabaseStatus status;
        try (SqliteVulnerabilityStore store = SqliteVulnerabilityStore.open(database)) {
            status = store.status();
        }
        Path partial = DatabaseBuild.sibling(file, "writing");
        try {
            // Imports replace the database file by a move, never in place: a copy is a consistent snapshot.
            Path snapshot = DatabaseBuild.sibling(file, "snapshot");
            Files.copy(database, snapshot, StandardCopyOption.REPLACE_EXISTING);
            BundleManifest manifest;
            try {
                manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, clock.instant().toString(),
                        status.sources().stream().map(s -> new BundleManifest.Source(s.name(), s.origin(),
                                s.importedAt().toString(), s.totalRecords())).toList(),
                        List.of(new BundleManifest.Part(DATABASE_PART, Files.size(snapshot), Sha256.of(snapshot))));
                byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
                try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry(DATABASE_PART));
                    try (InputStream in = Files.newInputStream(snapshot)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(manifestBytes);
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(MANIFEST_DIGEST));
                    zip.write((Sha256.of(manifestBytes) + "\n").getBytes(StandardCharsets.US_ASCII));
                    zip.closeEntry();
                }
            } finally {
                Files.deleteIfExists(snapshot);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the export error is the one to report
            }
            throw new VulnDbException(VulnDbException.Code.VULNDB_IMPORT_FAILED, "cannot write the bundle " + file
                    + ": " + e.getMessage(), "check that the directory exists, is writable and has free space",
                    Map.of("path", file.toString()), e);
        }
    }
}
