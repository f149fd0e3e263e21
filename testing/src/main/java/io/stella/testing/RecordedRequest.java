package io.stella.testing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a fixture server saw it.
 *
 * @param path    the raw (still percent-encoded) path
 * @param query   the raw query without '?', or "" when there was none
 * @param headers header values by lower-case name
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              Instant at) {

    public RecordedRequest {
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
    }

    /** The first value of the header, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Path plus "?query" when there is one. */
    public String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
