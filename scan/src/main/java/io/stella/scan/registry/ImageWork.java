package io.stella.scan.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One image to scan: a digest in a repository, with the tags that point at it. */
record ImageWork(String repository, String digest, String manifestDigest, String platform, Optional<Instant> created,
                 List<String> tags) {
    ImageWork {
        tags = List.copyOf(tags);
    }

    String key() {
        return ImageKeys.image(repository, digest);
    }

    ImageWork withTags(List<String> newTags) {
        return new ImageWork(repository, digest, manifestDigest, platform, created, newTags);
    }
}
