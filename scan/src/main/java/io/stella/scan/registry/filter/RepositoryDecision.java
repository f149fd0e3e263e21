package io.stella.scan.registry.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a registry scan does with one repository before reading any manifest.
 *
 * @param repository      the repository path
 * @param tagsForMetadata the tags whose manifests and configs are to be read, for {@link ImageFilter#images}
 * @param skippedTags     the tags left out here; no digest is known for them yet, so the scan counts them as tags
 * @param skip            why {@code skippedTags} are left out; empty exactly when none is
 */
public record RepositoryDecision(String repository, List<String> tagsForMetadata, List<String> skippedTags,
                                 Optional<Skip> skip) {

    public RepositoryDecision {
        Objects.requireNonNull(repository, "repository");
        tagsForMetadata = List.copyOf(tagsForMetadata);
        skippedTags = List.copyOf(skippedTags);
        Objects.requireNonNull(skip, "skip");
        if (skip.isPresent() == skippedTags.isEmpty()) {
            throw new IllegalArgumentException("a skip reason is given exactly when tags are skipped");
        }
    }

    /** Whether nothing of the repository is left to scan although it has tags. */
    public boolean skipped() {
        return tagsForMetadata.isEmpty() && skip.isPresent();
    }
}
