package io.stella.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP(S) server on 127.0.0.1 that records every request and serves files from a directory (404 when absent,
 * single byte ranges honoured) or a fixed response. A typical use: the target of a registry's blob redirect, serving
 * from {@link LocalRegistry#storageRoot()}.
 */
public final class RecordingServer implements AutoCloseable {
    static {
        JdkHttpServers.configure();
    }


    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Exchanges.virtualThreads();
    private final HttpServer server;
    private final boolean tls;
    private volatile Path root;
    private volatile FixedResponse fixed;

    private record FixedResponse(int status, Map<String, String> headers, byte[] body) {
    }

    private RecordingServer(IssuedCert cert) {
        this.tls = cert != null;
        this.server = Exchanges.start(cert == null ? null : cert.serverSslContext(), executor);
        server.createContext("/", this::handle);
    }

    public static RecordingServer start() {
        return new RecordingServer(null);
    }

    /** Serves HTTPS with the certificate (which should name 127.0.0.1). */
    public static RecordingServer startHttps(IssuedCert cert) {
        return new RecordingServer(cert);
    }

    /** Serve {@code root + request path}; clears any fixed response. */
    public RecordingServer serveFilesFrom(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.fixed = null;
        return this;
    }

    /** Answer every request with this response. */
    public RecordingServer respond(int status, Map<String, String> headers, byte[] body) {
        this.fixed = new FixedResponse(status, Map.copyOf(headers), body.clone());
        return this;
    }

    public String baseUrl() {
        return (tls ? "https://" : "http://") + host();
    }

    public String host() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        Exchanges.stop(server, executor);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(Exchanges.record(exchange));
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            FixedResponse response = fixed;
            if (response != null) {
                Exchanges.send(exchange, response.status(), response.headers(), response.body());
                return;
            }
            Path file = resolve(exchange.getRequestURI().getRawPath());
            if (file == null || !Files.isRegularFile(file)) {
                Exchanges.send(exchange, 404, Map.of("Content-Type", "text/plain"),
                        "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            serveFile(exchange, file);
        }
    }

    private Path resolve(String rawPath) {
        Path base = root;
        if (base == null) {
            return null;
        }
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = base.resolve(path.replaceFirst("^/+", "")).normalize();
        return file.startsWith(base) ? file : null;
    }

    private static void serveFile(HttpExchange exchange, Path file) throws IOException {
        long size = Files.size(file);
        long start = 0;
        long end = size - 1;
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range.strip());
        if (matcher != null && matcher.matches()) {
            start = Long.parseLong(matcher.group(1));
            end = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
            if (start >= size || start > end) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                Exchanges.send(exchange, 416, Map.of(), new byte[0]);
                return;
            }
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(start);
            long left = length;
            byte[] buffer = new byte[1 << 16];
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
