package io.stella.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * A plain-HTTP server on 127.0.0.1 that answers each request target with a response set beforehand and
 * records every request: a stand-in for a REST API (e.g. a registry product's own API) whose recorded
 * answers are replayed. A request matches the target given as raw {@code path?query} exactly, else as
 * raw path alone; anything else is a 404 with a JSON error naming the target.
 */
public final class CannedServer implements AutoCloseable {
    static {
        JdkHttpServers.configure();
    }

    /** One canned answer. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public Response {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        public static Response json(int status, String json) {
            return new Response(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response json(String json) {
            return json(200, json);
        }

        /** The same response with one more header. */
        public Response withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body);
        }
    }

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final ExecutorService executor = Exchanges.virtualThreads();
    private final HttpServer server;

    private CannedServer() {
        this.server = Exchanges.start(null, executor);
        server.createContext("/", this::handle);
    }

    public static CannedServer start() {
        return new CannedServer();
    }

    /** Answers {@code target} (raw {@code /path} or {@code /path?query}) with the response. */
    public CannedServer on(String target, Response response) {
        responses.put(target, response);
        return this;
    }

    public String baseUrl() {
        return "http://" + host();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        Exchanges.stop(server, executor);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = Exchanges.record(exchange);
            requests.add(request);
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Response response = responses.get(request.target());
            if (response == null) {
                response = responses.get(request.path());
            }
            if (response == null) {
                response = Response.json(404, "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"no canned response for "
                        + request.target().replace("\"", "'") + "\"}]}");
            }
            Exchanges.send(exchange, response.status(), response.headers(), response.body());
        }
    }
}
