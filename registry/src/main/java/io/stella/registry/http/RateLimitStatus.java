package io.stella.registry.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * A registry's rate-limit headers as Docker Hub sends them on manifest responses:
 * {@code ratelimit-limit: 100;w=21600}, {@code ratelimit-remaining: 76;w=21600} and
 * {@code docker-ratelimit-source} (the IP address or account the limit is counted against).
 *
 * @param limit     requests allowed per window
 * @param remaining requests left in the current window
 * @param window    the window the limit counts over, when the headers say ({@code w=} seconds)
 * @param source    what the limit is counted against, when the registry says
 */
public record RateLimitStatus(int limit, int remaining, Optional<Duration> window, Optional<String> source) {
    private static final int MAX_SOURCE_LENGTH = 100;

    /** The status the headers describe; empty when the limit or remaining count is missing or malformed. */
    public static Optional<RateLimitStatus> fromHeaders(HttpHeaders headers) {
        return parse(headers.firstValue("ratelimit-limit").orElse(null),
                headers.firstValue("ratelimit-remaining").orElse(null),
                headers.firstValue("docker-ratelimit-source").orElse(null));
    }

    /** From the raw header values (each may be null); empty unless limit and remaining both parse. */
    public static Optional<RateLimitStatus> parse(String limitHeader, String remainingHeader, String sourceHeader) {
        Optional<Quota> limit = Quota.parse(limitHeader);
        Optional<Quota> remaining = Quota.parse(remainingHeader);
        if (limit.isEmpty() || remaining.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> window = limit.get().window().or(() -> remaining.get().window());
        Optional<String> source = Optional.ofNullable(sourceHeader).map(String::strip)
                .filter(s -> !s.isEmpty() && s.length() <= MAX_SOURCE_LENGTH && s.chars().allMatch(c -> c > 0x20 && c < 0x7f));
        return Optional.of(new RateLimitStatus(limit.get().amount(), remaining.get().amount(), window, source));
    }

    /** No requests left in the window. */
    public boolean exhausted() {
        return remaining <= 0;
    }

    /** For output: {@code 76 of 100 left per 21600 s (6 h), counted against 203.0.113.7}. */
    public String describe() {
        return remaining + " of " + limit + " left" + window.map(w -> " per " + RateLimitStatus.seconds(w)).orElse("")
                + source.map(s -> ", counted against " + s).orElse("");
    }

    static String seconds(Duration window) {
        long s = window.toSeconds();
        String human = s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : null;
        return s + " s" + (human != null && s >= 60 ? " (" + human + ")" : "");
    }

    /** One header value: {@code 100}, {@code 100;w=21600}, or a list whose first entry counts. */
    record Quota(int amount, Optional<Duration> window) {
        static Optional<Quota> parse(String header) {
            if (header == null) {
                return Optional.empty();
            }
            String first = header.split(",", -1)[0];
            String[] parts = first.split(";", -1);
            Optional<Integer> amount = nonNegative(parts[0]);
            if (amount.isEmpty()) {
                return Optional.empty();
            }
            Optional<Duration> window = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("w=")) {
                    window = nonNegative(param.substring(2)).filter(w -> w > 0).map(Duration::ofSeconds);
                }
            }
            return Optional.of(new Quota(amount.get(), window));
        }

        private static Optional<Integer> nonNegative(String text) {
            try {
                int value = Integer.parseInt(text.strip());
                return value >= 0 ? Optional.of(value) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
