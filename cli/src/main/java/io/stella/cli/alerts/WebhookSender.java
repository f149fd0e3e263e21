package io.stella.cli.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts an alert as JSON to the configured webhook: a few attempts with a short wait between them, each
 * bounded, so a receiver that is down costs a command seconds, never a scan its result.
 */
final class WebhookSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Duration> WAITS = List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final URI url;
    private final HttpClient client;

    WebhookSender(URI url) {
        this.url = url;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** @return null when delivered, else why the last attempt failed */
    String send(AlertEvent event) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            return "cannot encode the alert: " + e.getMessage();
        }
        String problem = null;
        for (Duration wait : WAITS) {
            try {
                Thread.sleep(wait);
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return null;
                }
                problem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return problem;
    }
}
