package io.stella.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The start line and header fields of an HTTP/1.1 message, as read from and written to a raw socket. */
final class HttpHead {

    private static final int MAX_LINE = 64 * 1024;

    private final String startLine;
    private final List<Map.Entry<String, String>> fields;

    HttpHead(String startLine, List<Map.Entry<String, String>> fields) {
        this.startLine = startLine;
        this.fields = new ArrayList<>(fields);
    }

    /** The next message head, or null at a clean end of stream. */
    static HttpHead read(InputStream in) throws IOException {
        String start = readLine(in);
        while (start != null && start.isEmpty()) {
            start = readLine(in);
        }
        if (start == null) {
            return null;
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.add(new AbstractMap.SimpleEntry<>(line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()));
            }
        }
        return new HttpHead(start, fields);
    }

    /** A CRLF- (or LF-) terminated line without its terminator; null at end of stream before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
            }
            line.write(c);
        }
        if (c == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    String startLine() {
        return startLine;
    }

    /** The start line's space-separated parts: method, target, version (or version, status, reason). */
    String[] startParts() {
        return startLine.split(" ", 3);
    }

    Optional<String> header(String name) {
        return fields.stream().filter(f -> f.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    void set(String name, String value) {
        remove(name);
        fields.add(new AbstractMap.SimpleEntry<>(name, value));
    }

    void remove(String name) {
        fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
    }

    void rewrite(String name, UnaryOperator<String> change) {
        fields.replaceAll(f -> f.getKey().equalsIgnoreCase(name)
                ? new AbstractMap.SimpleEntry<>(f.getKey(), change.apply(f.getValue()))
                : f);
    }

    HttpHead withStartLine(String line) {
        return new HttpHead(line, fields);
    }

    boolean chunked() {
        return header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false);
    }

    /** The Content-Length, or -1 when absent. */
    long contentLength() {
        return header("Content-Length").map(v -> Long.parseLong(v.strip())).orElse(-1L);
    }

    Map<String, List<String>> lowerCaseHeaders() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        fields.forEach(f -> headers.computeIfAbsent(f.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(f.getValue()));
        return headers;
    }

    void writeTo(OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        fields.forEach(f -> text.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n"));
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
