package io.stella.scan.store;

import java.time.Instant;
import java.util.List;

/**
 * An image the store knows from an earlier successful scan of a registry: the latest SUCCESS record per
 * repository and digest over all finished or unfinished runs of that registry. {@code lastScanned} is that
 * record's {@code finishedAt}; {@code platform} and {@code created} may be null.
 */
public record KnownImage(String repository, List<String> tags, String digest, String platform, Instant created,
                         Instant lastScanned) {

    public KnownImage {
        tags = List.copyOf(tags);
    }
}
