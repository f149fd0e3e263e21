package io.stella.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A plain-HTTP reverse proxy on 127.0.0.1 in front of one upstream (typically a {@link LocalRegistry}) that streams
 * bodies both ways and injects faults set while it runs: error answers, dropped connections, slow or cut-off bodies.
 * Every connection carries one request ({@code Connection: close}).
 */
public final class FaultProxy implements AutoCloseable {

    private final URI upstream;
    private final SSLContext upstreamTls;
    private final ServerSocket serverSocket;
    private final ExecutorService executor = Exchanges.virtualThreads();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final FaultRules rules = new FaultRules();

    private FaultProxy(URI upstream, SSLContext upstreamTls) {
        this.upstream = upstream;
        this.upstreamTls = upstreamTls;
        try {
            this.serverSocket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open proxy port", e);
        }
        Thread.ofVirtual().name("fault-proxy-accept-" + port()).start(this::acceptLoop);
    }

    /** A proxy in front of {@code http://host:port}. */
    public static FaultProxy start(String upstreamBaseUrl) {
        URI uri = URI.create(upstreamBaseUrl);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("use start(url, sslContext) for an HTTPS upstream: " + upstreamBaseUrl);
        }
        return new FaultProxy(uri, null);
    }

    /** A plain-HTTP proxy in front of an HTTPS upstream, trusting what the context trusts. */
    public static FaultProxy start(String upstreamBaseUrl, SSLContext upstreamTrust) {
        return new FaultProxy(URI.create(upstreamBaseUrl), upstreamTrust);
    }

    public static FaultProxy start(LocalRegistry registry) {
        return start(registry.baseUrl());
    }

    public String host() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String baseUrl() {
        return "http://" + host();
    }

    public int requestCount() {
        return requestCount.get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The next {@code count} requests get this answer (with a registry-style JSON error body) instead. */
    public FaultProxy failNext(int count, int status, Map<String, String> headers) {
        rules.failNext(r -> true, count, status, headers, null);
        return this;
    }

    /** As {@link #failNext(int, int, Map)} with an explicit body. */
    public FaultProxy failNext(int count, int status, Map<String, String> headers, String body) {
        rules.failNext(r -> true, count, status, headers, body);
        return this;
    }

    /** The next {@code count} requests that match, e.g. {@code r -> r.path().contains("/blobs/")}, fail. */
    public FaultProxy failNext(Predicate<RecordedRequest> when, int count, int status, Map<String, String> headers) {
        return failNext(when, count, status, headers, null);
    }

    /** As {@link #failNext(Predicate, int, int, Map)} with an explicit body (null: a registry-style error). */
    public FaultProxy failNext(Predicate<RecordedRequest> when, int count, int status, Map<String, String> headers,
                               String body) {
        rules.failNext(when, count, status, headers, body);
        return this;
    }

    /** Every request fails until {@link #clearFaults()}. */
    public FaultProxy failAlways(int status, Map<String, String> headers) {
        rules.failAlways(status, headers);
        return this;
    }

    /**
     * Upstream answers to matching requests get these headers added (replacing same-named ones), e.g. a
     * registry's rate-limit headers; the function is called once per matching request.
     */
    public FaultProxy addResponseHeaders(Predicate<RecordedRequest> when,
                                         java.util.function.Function<RecordedRequest, Map<String, String>> headers) {
        rules.addResponseHeaders(when, headers);
        return this;
    }

    /** The next {@code count} connections are dropped (TCP reset) once their request head arrived. */
    public FaultProxy resetNext(int count) {
        rules.resetNext(count);
        return this;
    }

    /** The next {@code count} response bodies are cut off (connection dropped) after {@code afterBytes} bytes. */
    public FaultProxy cutNextBodies(int count, long afterBytes) {
        rules.cutNextBodies(count, afterBytes);
        return this;
    }

    /** Response bodies stream at most this fast, including ones already streaming; 0 = unlimited. */
    public FaultProxy throttleBodies(long bytesPerSecond) {
        rules.throttle(bytesPerSecond);
        return this;
    }

    /** Back to plain pass-through: removes every fault, added header, reset, cut-off and throttle. */
    public FaultProxy clearFaults() {
        rules.clear();
        return this;
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        openSockets.forEach(FaultProxy::closeQuietly);
        executor.shutdownNow();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                openSockets.add(client);
                executor.execute(() -> {
                    try {
                        serve(client);
                    } catch (IOException ignored) {
                        // the client or upstream went away; nothing to report to anyone
                    } finally {
                        openSockets.remove(client);
                        closeQuietly(client);
                    }
                });
            } catch (IOException e) {
                if (serverSocket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        in.mark(1);
        if (in.read() == 0x16) {
            // A TLS ClientHello: answer as Go's net/http (the registry behind us) does, so clients probing
            // for HTTPS learn at once that this is a plain HTTP server.
            out.write("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTPS request to an HTTP server.\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        in.reset();
        HttpHead request = HttpHead.read(in);
        if (request == null) {
            return;
        }
        RecordedRequest recorded = record(request);
        requests.add(recorded);
        requestCount.incrementAndGet();

        if (rules.takeReset()) {
            client.setSoLinger(true, 0);
            return;
        }
        if (request.header("Expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false)) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            request.remove("Expect");
        }
        FaultRules.Fault fault = rules.takeFault(recorded);
        if (fault != null) {
            if (hasBody(request)) {
                BodyCopier.unlimited().copy(request, in, OutputStream.nullOutputStream());
            }
            writeFault(out, request, fault);
            return;
        }
        forward(client, request, recorded, in, out);
    }

    private void forward(Socket client, HttpHead request, RecordedRequest recorded, InputStream in, OutputStream out)
            throws IOException {
        Socket upstreamSocket = connectUpstream();
        openSockets.add(upstreamSocket);
        try (upstreamSocket) {
            InputStream upIn = new BufferedInputStream(upstreamSocket.getInputStream());
            OutputStream upOut = new BufferedOutputStream(upstreamSocket.getOutputStream());
            String[] parts = request.startParts();
            HttpHead outgoing = request.withStartLine(parts[0] + " " + originForm(parts[1]) + " HTTP/1.1");
            outgoing.set("Host", upstreamAuthority());
            dropHopByHop(outgoing);
            outgoing.set("Connection", "close");
            outgoing.writeTo(upOut);
            if (hasBody(request)) {
                BodyCopier.unlimited().copy(request, in, upOut);
            }
            upOut.flush();

            HttpHead response = HttpHead.read(upIn);
            while (response != null && informational(response)) {
                response = HttpHead.read(upIn);
            }
            if (response == null) {
                throw new IOException("upstream closed without answering");
            }
            response.rewrite("Location", this::rewriteLocation);
            rules.extraHeaders(recorded).forEach(response::set);
            dropHopByHop(response);
            response.set("Connection", "close");
            response.writeTo(out);
            if (responseHasBody(parts[0], response)) {
                long cutAfter = rules.takeCut();
                try {
                    new BodyCopier(rules::bytesPerSecond, cutAfter).copy(response, upIn, out);
                } catch (BodyCopier.CutOff cut) {
                    client.setSoLinger(true, 0);
                    return;
                }
            }
            out.flush();
        } finally {
            openSockets.remove(upstreamSocket);
        }
    }

    private Socket connectUpstream() throws IOException {
        String host = upstream.getHost();
        int port = upstream.getPort() > 0 ? upstream.getPort() : (upstreamTls != null ? 443 : 80);
        return upstreamTls != null
                ? upstreamTls.getSocketFactory().createSocket(host, port)
                : new Socket(host, port);
    }

    private String upstreamAuthority() {
        return upstream.getHost() + (upstream.getPort() > 0 ? ":" + upstream.getPort() : "");
    }

    private String rewriteLocation(String location) {
        String origin = upstream.getScheme() + "://" + upstreamAuthority();
        if (location.startsWith(origin)) {
            return baseUrl() + location.substring(origin.length());
        }
        String localhostOrigin = upstream.getScheme() + "://localhost"
                + (upstream.getPort() > 0 ? ":" + upstream.getPort() : "");
        return location.startsWith(localhostOrigin) ? baseUrl() + location.substring(localhostOrigin.length())
                : location;
    }

    private void writeFault(OutputStream out, HttpHead request, FaultRules.Fault fault) throws IOException {
        HttpHead head = new HttpHead("HTTP/1.1 " + fault.status() + " " + reason(fault.status()), List.of());
        boolean contentType = fault.headers().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"));
        fault.headers().forEach(head::set);
        if (!contentType) {
            head.set("Content-Type", "application/json");
        }
        head.set("Content-Length", Integer.toString(fault.body().length));
        head.set("Connection", "close");
        head.writeTo(out);
        if (!request.startParts()[0].equals("HEAD")) {
            out.write(fault.body());
        }
        out.flush();
    }

    private static RecordedRequest record(HttpHead request) {
        String target = originForm(request.startParts().length > 1 ? request.startParts()[1] : "/");
        int question = target.indexOf('?');
        return new RecordedRequest(request.startParts()[0],
                question < 0 ? target : target.substring(0, question),
                question < 0 ? "" : target.substring(question + 1),
                request.lowerCaseHeaders(), Instant.now());
    }

    /** Turns an absolute-form target (as sent to forward proxies) into origin-form. */
    private static String originForm(String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }

    private static boolean hasBody(HttpHead request) {
        return request.chunked() || request.contentLength() > 0;
    }

    private static boolean informational(HttpHead response) {
        int status = status(response);
        return status >= 100 && status < 200 && status != 101;
    }

    private static boolean responseHasBody(String method, HttpHead response) {
        int status = status(response);
        return !method.equals("HEAD") && status != 204 && status != 304 && status >= 200;
    }

    private static int status(HttpHead response) {
        String[] parts = response.startParts();
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    private static void dropHopByHop(HttpHead head) {
        for (String name : List.of("Connection", "Keep-Alive", "Proxy-Connection", "TE", "Upgrade")) {
            head.remove(name);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Injected";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
