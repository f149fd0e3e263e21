package io.stella.scan.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.stella.scan.ScanFinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The findings of one image as the results store keeps them: per finding the advisory, the package and the
 * versions, the severity. Compact on purpose: a rescan writes them for every image, and the full report
 * can be made again from the stored inventory and the database.
 */
public final class StoredFindings {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One finding. */
    public record Entry(String id, List<String> aliases, String type, String pkg, String version, String fixed,
                        String severity, Double score, String layer) {
    }

    private StoredFindings() {
    }

    static byte[] encode(List<ScanFinding> findings) {
        List<Entry> entries = findings.stream().map(f -> new Entry(f.id(), f.advisory().aliases(),
                f.pkg().type().name().toLowerCase(java.util.Locale.ROOT), f.pkg().name(), f.installedVersion(),
                f.fixedVersion(), f.severity() == null ? null : f.severity().severity().name(),
                f.severity() == null ? null : f.severity().score(), f.pkg().layerDigest())).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 16 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            JSON.writeValue(out, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entries of stored findings, e.g. for a report of a run. */
    public static List<Entry> decode(byte[] data) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return List.of(JSON.readValue(in, Entry[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("stored findings cannot be read", e);
        }
    }
}
