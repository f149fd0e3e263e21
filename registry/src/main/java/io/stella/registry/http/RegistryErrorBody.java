package io.stella.registry.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stella.registry.wire.ErrorsJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first error of a registry's JSON error body, or the start of the body as text when it is not
 * JSON (proxies answer with HTML).
 */
public record RegistryErrorBody(String code, String message) {
    private static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final RegistryErrorBody EMPTY = new RegistryErrorBody(null, null);

    /** Reads (at most 64 KiB of) the body and closes it. */
    public static RegistryErrorBody read(InputStream body) {
        if (body == null) {
            return EMPTY;
        }
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BYTES);
            return parse(bytes);
        } catch (IOException e) {
            return EMPTY;
        }
    }

    static RegistryErrorBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            return EMPTY;
        }
        try {
            ErrorsJson errors = JSON.readValue(bytes, ErrorsJson.class);
            List<ErrorsJson.Entry> list = errors.errors();
            if (list != null && !list.isEmpty()) {
                return new RegistryErrorBody(list.getFirst().code(), list.getFirst().message());
            }
        } catch (IOException notJson) {
            // fall through to text
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return new RegistryErrorBody(null, text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    public boolean hasCode(String wanted) {
        return wanted.equalsIgnoreCase(code);
    }
}
