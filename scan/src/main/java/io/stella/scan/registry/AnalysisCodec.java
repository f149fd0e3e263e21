package io.stella.scan.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.stella.inventory.Inventory;
import io.stella.inventory.analysis.LayerFragment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Inventories and layer fragments as the results store keeps them: gzipped JSON of the records. A
 * value that no longer decodes (written by another stella version) reads as absent, so the image is
 * simply analysed again.
 */
final class AnalysisCodec {
    /** Bumped when the shape of the stored records changes. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AnalysisCodec() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            JSON.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    static java.util.Optional<Inventory> inventory(byte[] data) {
        return decode(data, Inventory.class);
    }

    static java.util.Optional<LayerFragment> fragment(byte[] data) {
        return decode(data, LayerFragment.class);
    }

    private static <T> java.util.Optional<T> decode(byte[] data, Class<T> type) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 64 * 1024)) {
            return java.util.Optional.ofNullable(JSON.readValue(in, type));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
