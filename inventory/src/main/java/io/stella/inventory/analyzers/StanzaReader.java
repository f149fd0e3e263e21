package io.stella.inventory.analyzers;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads blank-line separated records of {@code Key: value} or {@code K:value} lines (dpkg status, apk
 * installed), one record at a time, so a large database never sits in memory whole. Repeated keys keep
 * every value; continuation lines (leading space or tab) are appended to the previous value.
 */
public final class StanzaReader {
    /** One record: its first line number (1-based) and its fields in order. */
    public record Stanza(int line, Map<String, List<String>> fields) {
        public String first(String key) {
            List<String> values = fields.get(key);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final BufferedReader reader;
    private final boolean continuationLines;
    private int lineNumber;

    public StanzaReader(BufferedReader reader, boolean continuationLines) {
        this.reader = reader;
        this.continuationLines = continuationLines;
    }

    /** The next record, or null at the end. */
    public Stanza next() throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String lastKey = null;
        int start = -1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    return new Stanza(start, fields);
                }
                continue;
            }
            if (start < 0) {
                start = lineNumber;
            }
            if (continuationLines && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (lastKey != null) {
                    List<String> values = fields.get(lastKey);
                    values.set(values.size() - 1, values.get(values.size() - 1) + "\n" + line.strip());
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            lastKey = line.substring(0, colon);
            fields.computeIfAbsent(lastKey, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return fields.isEmpty() ? null : new Stanza(start, fields);
    }
}
