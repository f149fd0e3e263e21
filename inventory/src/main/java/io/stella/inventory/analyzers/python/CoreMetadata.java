package io.stella.inventory.analyzers.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header block of a Python core-metadata file (RFC 822 style): {@code Key: value} lines up to the first
 * blank line (the description body that may follow is not read). A line starting with white space continues
 * the previous value (joined with a line break); header names compare case-insensitively; a header may repeat.
 */
record CoreMetadata(List<Header> headers) {
    record Header(String name, String value) {}

    static CoreMetadata read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        List<Header> headers = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null && !line.isBlank()) {
            if (Character.isWhitespace(line.charAt(0))) {
                if (name != null) {
                    value.append('\n').append(line.strip());
                }
                continue;
            }
            if (name != null) {
                headers.add(new Header(name, value.toString().strip()));
            }
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).strip() : null;
            value.setLength(0);
            if (name != null) {
                value.append(line.substring(colon + 1));
            }
        }
        if (name != null) {
            headers.add(new Header(name, value.toString().strip()));
        }
        return new CoreMetadata(List.copyOf(headers));
    }

    /** The first non-empty value of the header, or null. */
    String first(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name) && !header.value().isEmpty()) {
                return header.value();
            }
        }
        return null;
    }

    List<String> all(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }
}
