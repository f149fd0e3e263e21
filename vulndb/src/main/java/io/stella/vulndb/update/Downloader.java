package io.stella.vulndb.update;

import io.stella.vulndb.VulnDbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one file, resumably: bytes go to {@code <name>.part}; when a .part exists the download asks for
 * the rest with a Range request (and starts over when the server ignores it); the file is only complete, and
 * renamed to its final name, when its size matches what the server announced.
 */
final class Downloader {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private final HttpClient client;

    Downloader(HttpClient client) {
        this.client = client;
    }

    /** Downloads {@code uri} to {@code target}; {@code VULNDB_DOWNLOAD_FAILED} on any failure, the .part kept. */
    Path download(URI uri, Path target, ProgressListener progress) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            long have = Files.exists(part) ? Files.size(part) : 0;
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                long total;
                boolean append;
                if (response.statusCode() == 206 && have > 0) {
                    Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                    if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                        throw failed(uri, response.statusCode(), "the server answered the resume request with "
                                + "Content-Range '" + response.headers().firstValue("Content-Range").orElse("")
                                + "' instead of bytes " + have + "-", null);
                    }
                    total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
                    append = true;
                } else if (response.statusCode() == 200) {
                    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
                    total = length.isPresent() ? length.getAsLong() : -1;
                    have = 0; // the server sent the whole file: start over
                    append = false;
                } else if (response.statusCode() == 416 && have > 0) {
                    Files.delete(part); // the .part does not fit the file any more: start over next time
                    throw failed(uri, 416, "the partial download does not match the file on the server; it was "
                            + "removed", null);
                } else {
                    throw failed(uri, response.statusCode(), "the server answered HTTP " + response.statusCode(), null);
                }
                long received = have;
                try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                    byte[] buffer = new byte[64 * 1024];
                    progress.onProgress(uri, received, total);
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        received += n;
                        progress.onProgress(uri, received, total);
                    }
                }
                if (total >= 0 && received != total) {
                    throw failed(uri, response.statusCode(), "the download stopped at " + received + " of " + total
                            + " bytes; run the update again to resume", null);
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw failed(uri, -1, "the connection failed (" + e + "); run the update again to resume", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(uri, -1, "the download was interrupted", e);
        }
    }

    private static VulnDbException failed(URI uri, int status, String why, Throwable cause) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("url", uri.toString());
        if (status > 0) {
            evidence.put("http_status", Integer.toString(status));
        }
        return new VulnDbException(VulnDbException.Code.VULNDB_DOWNLOAD_FAILED, "cannot download " + uri + ": " + why,
                "check the network and the URL; on air-gapped hosts use stella db import PATH with a bundle from "
                        + "stella db export", evidence, cause);
    }
}
