package io.stella.registry.client;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Link: <url>; rel="next"} header of paginated registry lists (RFC 5988). */
public final class LinkPagination {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private LinkPagination() {
    }

    public static Optional<String> next(HttpHeaders headers) {
        for (String value : headers.allValues("link")) {
            Matcher m = NEXT.matcher(value);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
