package io.stella.scan.registry;

import io.stella.registry.client.ResolvedImage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One image to scan: a digest in a repository, with the tags that point at it, and its resolution when
 * this run has it (metadata phase) so the manifest and config are not requested twice.
 */
record ImageWork(String repository, String digest, String manifestDigest, String platform, Optional<Instant> created,
                 List<String> tags, Optional<ResolvedImage> resolved) {
    ImageWork {
        tags = List.copyOf(tags);
    }

    ImageWork(String repository, String digest, String manifestDigest, String platform, Optional<Instant> created,
              List<String> tags) {
        this(repository, digest, manifestDigest, platform, created, tags, Optional.empty());
    }

    String key() {
        return ImageKeys.image(repository, digest);
    }

    ImageWork withTags(List<String> newTags) {
        return new ImageWork(repository, digest, manifestDigest, platform, created, newTags, resolved);
    }
}
