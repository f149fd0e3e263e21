package io.stella.scan.registry.filter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of a repository with every tag that points at it, as a registry scan sees it after reading
 * the manifests.
 *
 * @param repository the repository path, e.g. {@code team-a/app}
 * @param digest     the manifest digest the tags resolve to
 * @param tags       the tags, at least one; kept sorted and without repeats
 * @param created    when the image was built (its config's {@code created}), when known
 */
public record TaggedImage(String repository, String digest, List<String> tags, Optional<Instant> created) {

    public TaggedImage {
        requireNotBlank("repository", repository);
        requireNotBlank("digest", digest);
        Objects.requireNonNull(tags, "tags");
        tags.forEach(tag -> requireNotBlank("tag", tag));
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("image " + repository + "@" + digest + " has no tag");
        }
        tags = tags.stream().distinct().sorted().toList();
        created = created == null ? Optional.empty() : created;
    }

    private static void requireNotBlank(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }
}
