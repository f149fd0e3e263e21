package io.stella.inventory.analyzers.rustbinary;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes cargo-auditable's audit data: zlib-compressed JSON
 * {@code {"format":1,"packages":[{"name","version","source","kind","dependencies":[indices],"root"}]}}
 * (schema: rust-secure-code/cargo-auditable, {@code cargo-auditable.schema.json}). {@code kind} is
 * {@code "runtime"} when absent, {@code root} false when absent; {@code source} is a string, or
 * {@code {"Other": name}}. The inflated size is capped so that a small section cannot expand into gigabytes.
 */
public final class AuditDataDecoder {
    public static final int MAX_INFLATED_BYTES = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AuditDataDecoder() {}

    public static AuditData decode(byte[] compressed) throws AuditDataException {
        return parse(inflate(compressed));
    }

    static byte[] inflate(byte[] compressed) throws AuditDataException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_INFLATED_BYTES, compressed.length * 4 + 64));
            byte[] buffer = new byte[64 * 1024];
            int stalls = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new AuditDataException("zlib stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new AuditDataException("zlib stream is truncated");
                    }
                    if (++stalls > 3) {
                        throw new AuditDataException("zlib stream makes no progress");
                    }
                    continue;
                }
                if (out.size() + (long) n > MAX_INFLATED_BYTES) {
                    throw new AuditDataException("inflates to more than " + MAX_INFLATED_BYTES
                            + " bytes (the limit for audit data)");
                }
                stalls = 0;
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new AuditDataException("not a zlib stream: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    static AuditData parse(byte[] json) throws AuditDataException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new AuditDataException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AuditDataException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new AuditDataException("JSON is not an object");
        }
        JsonNode packages = root.get("packages");
        if (packages == null || !packages.isArray()) {
            throw new AuditDataException("JSON has no \"packages\" array");
        }
        List<AuditedCrate> crates = new ArrayList<>(packages.size());
        int rejected = 0;
        String firstRejection = null;
        for (int i = 0; i < packages.size(); i++) {
            JsonNode entry = packages.get(i);
            String problem = problem(entry);
            if (problem != null) {
                rejected++;
                if (firstRejection == null) {
                    firstRejection = "packages[" + i + "] " + problem;
                }
                continue;
            }
            crates.add(new AuditedCrate(entry.get("name").textValue(), entry.get("version").textValue(),
                    source(entry.get("source")), !"build".equals(text(entry.get("kind"))),
                    entry.path("root").asBoolean(false)));
        }
        return new AuditData(crates, rejected, firstRejection);
    }

    /** Why an entry cannot be used, or null. */
    private static String problem(JsonNode entry) {
        if (!entry.isObject()) {
            return "is not an object";
        }
        if (!nonEmptyText(entry.get("name"))) {
            return "has no name";
        }
        if (!nonEmptyText(entry.get("version"))) {
            return "(" + entry.get("name").textValue() + ") has no version";
        }
        JsonNode kind = entry.get("kind");
        if (kind != null && !("runtime".equals(text(kind)) || "build".equals(text(kind)))) {
            return "(" + entry.get("name").textValue() + ") has unknown kind " + kind;
        }
        JsonNode rootFlag = entry.get("root");
        if (rootFlag != null && !rootFlag.isBoolean()) {
            return "(" + entry.get("name").textValue() + ") has a non-boolean root flag";
        }
        return null;
    }

    private static boolean nonEmptyText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static String source(JsonNode node) {
        if (node == null) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        JsonNode other = node.get("Other");
        return other != null && other.isTextual() ? other.textValue() : "";
    }
}
