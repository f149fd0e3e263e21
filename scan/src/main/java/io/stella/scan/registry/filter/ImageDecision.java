package io.stella.scan.registry.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a registry scan does with one image.
 *
 * @param image      the image
 * @param tagsToScan the tags the image is scanned (and reported) under; empty exactly when it is skipped
 * @param skip       why the image is skipped; empty when it is scanned
 * @param includedBy when an {@code include} regex made the image exempt from every other setting, which
 *                   tag matched which regex, e.g. {@code tag 1.2 matched include 'harbor\.example\.com/team-a/.*'}
 * @param ageUnknown {@code max_age_days} is set but the image's creation time is not known, so its age
 *                   could not be checked; such an image is kept, and ranks as oldest for
 *                   {@code max_tags_per_repository}
 */
public record ImageDecision(TaggedImage image, List<String> tagsToScan, Optional<Skip> skip, Optional<String> includedBy,
                            boolean ageUnknown) {

    public ImageDecision {
        Objects.requireNonNull(image, "image");
        tagsToScan = List.copyOf(tagsToScan);
        Objects.requireNonNull(skip, "skip");
        Objects.requireNonNull(includedBy, "includedBy");
        if (skip.isPresent() != tagsToScan.isEmpty()) {
            throw new IllegalArgumentException("an image is skipped exactly when it has no tag to scan");
        }
        if (!image.tags().containsAll(tagsToScan)) {
            throw new IllegalArgumentException("tags to scan " + tagsToScan + " are not all tags of " + image.tags());
        }
    }

    static ImageDecision scan(TaggedImage image, List<String> tags, Optional<String> includedBy, boolean ageUnknown) {
        return new ImageDecision(image, tags, Optional.empty(), includedBy, ageUnknown);
    }

    static ImageDecision skip(TaggedImage image, SkipReason reason, String detail, boolean ageUnknown) {
        return new ImageDecision(image, List.of(), Optional.of(new Skip(reason, detail)), Optional.empty(), ageUnknown);
    }

    public boolean scanned() {
        return skip.isEmpty();
    }
}
