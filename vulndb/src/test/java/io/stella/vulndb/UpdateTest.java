package io.stella.vulndb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stella.vulndb.store.VulnerabilityStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates from a local server on 127.0.0.1 that serves the shared zips, with Range support. */
class UpdateTest {
    @TempDir
    Path dir;
    HttpServer server;
    final List<String> rangeHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        // /<Ecosystem>/all.zip → the shared zip of that ecosystem
        String path = exchange.getRequestURI().getPath();
        Path zip = switch (path) {
            case "/crates.io/all.zip" -> TestData.osv("rustsec.zip");
            case "/Go/all.zip" -> TestData.osv("go-vulndb.zip");
            default -> null;
        };
        if (zip == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(zip);
        String range = exchange.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(range == null ? "none" : range);
        int from = 0;
        if (range != null) {
            from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
            exchange.sendResponseHeaders(206, bytes.length - from);
        } else {
            exchange.sendResponseHeaders(200, bytes.length);
        }
        OutputStream body = exchange.getResponseBody();
        body.write(bytes, from, bytes.length - from);
        body.close();
    }

    private URI url(String ecosystem) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + ecosystem + "/all.zip");
    }

    private VulnDatabase db() {
        return VulnDatabase.open(dir.resolve("db/stella.db"), Clock.systemUTC(), TestData.FAKE_CVSS);
    }

    @Test
    void downloadsAndImportsEverySourceWithProgress() throws IOException {
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        List<ImportReport> reports = db().update(List.of(url("crates.io"), url("Go")), (source, soFar, all) -> {
            last.set(soFar);
            total.set(all);
        });
        assertThat(reports).extracting(ImportReport::source).containsExactly("osv:crates.io", "osv:Go");
        assertThat(reports.getFirst().origin()).isEqualTo(url("crates.io").toString());
        assertThat(total.get()).isEqualTo(Files.size(TestData.osv("go-vulndb.zip")));
        assertThat(last.get()).isEqualTo(total.get());
        try (VulnerabilityStore store = db().openStore()) {
            assertThat(store.ecosystemKeys()).containsExactlyInAnyOrder("crates.io", "Go");
        }
    }

    /**
     * Answers one request for the whole zip with its full Content-Length, sends half the body and closes the
     * connection (a raw socket: the JDK server would keep it open and the client would wait for the rest).
     */
    private URI cutOffServer(Path zip) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (socket; Socket connection = socket.accept()) {
                BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.US_ASCII));
                for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                    rangeHeaders.add(line.startsWith("Range:") ? line : "");
                }
                byte[] bytes = Files.readAllBytes(zip);
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
            } catch (IOException ignored) {
                // the test sees what the client got
            }
        });
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/crates.io/all.zip");
    }

    @Test
    void aDownloadCutMidBodyIsResumedWithARangeRequest() throws IOException {
        URI cutOff = cutOffServer(TestData.osv("rustsec.zip"));
        assertThatThrownBy(() -> db().update(List.of(cutOff), (s, n, t) -> { }))
                .isInstanceOfSatisfying(VulnDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_DOWNLOAD_FAILED);
                    assertThat(e.evidence().get("url")).isEqualTo(cutOff.toString());
                });
        assertThat(dir.resolve("db/stella.db")).doesNotExist();

        List<ImportReport> reports = db().update(List.of(url("crates.io")), (s, n, t) -> { });

        long half = Files.size(TestData.osv("rustsec.zip")) / 2;
        // the resume starts where the .part ends: after what arrived of the half that was sent
        String resume = rangeHeaders.getLast();
        assertThat(resume).matches("bytes=[1-9]\\d*-");
        assertThat(Long.parseLong(resume.substring(6, resume.length() - 1))).isLessThanOrEqualTo(half);
        assertThat(reports.getFirst().advisories()).isEqualTo(1206);
    }

    @Test
    void aMissingSourceFailsClearlyAndLeavesThePreviousDatabase() throws IOException {
        VulnDatabase db = db();
        db.update(List.of(url("crates.io")), (s, n, t) -> { });
        byte[] before = Files.readAllBytes(db.file());
        assertThatThrownBy(() -> db.update(List.of(url("Go"), url("NoSuchEcosystem")), (s, n, t) -> { }))
                .isInstanceOfSatisfying(VulnDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(VulnDbException.Code.VULNDB_DOWNLOAD_FAILED);
                    assertThat(e.getMessage()).contains(url("NoSuchEcosystem").toString()).contains("HTTP 404");
                    assertThat(e.evidence()).containsEntry("http_status", "404");
                });
        assertThat(Files.readAllBytes(db.file())).isEqualTo(before);
        try (VulnerabilityStore store = db.openStore()) {
            assertThat(store.ecosystemKeys()).containsExactly("crates.io");
        }
    }
}
