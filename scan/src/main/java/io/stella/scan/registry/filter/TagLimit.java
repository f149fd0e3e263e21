package io.stella.scan.registry.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code max_tags_per_repository}: of one repository's tags still in play, the N most recent by their
 * image's creation time are kept. Unknown creation ranks as oldest; equal times rank by tag name,
 * descending, then by digest, so the choice never depends on the order the registry listed things in.
 * Images scanned because of an {@code include} neither compete nor count.
 */
final class TagLimit {

    private record Candidate(TaggedImage image, String tag) {
    }

    private static final Comparator<Optional<Instant>> NEWEST_FIRST_UNKNOWN_LAST =
            Comparator.comparing((Optional<Instant> created) -> created.orElse(null),
                    Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    private static final Comparator<Candidate> RANKING = Comparator
            .comparing((Candidate c) -> c.image().created(), NEWEST_FIRST_UNKNOWN_LAST)
            .thenComparing(Candidate::tag, Comparator.reverseOrder())
            .thenComparing(c -> c.image().digest());

    private TagLimit() {
    }

    /** @param decisions the decisions for one repository's images, each image once */
    static List<ImageDecision> apply(List<ImageDecision> decisions, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        for (ImageDecision decision : decisions) {
            if (competes(decision)) {
                decision.tagsToScan().forEach(tag -> candidates.add(new Candidate(decision.image(), tag)));
            }
        }
        Set<Candidate> kept = new HashSet<>(candidates.stream().sorted(RANKING).limit(limit).toList());
        List<ImageDecision> limited = new ArrayList<>(decisions.size());
        for (ImageDecision decision : decisions) {
            if (!competes(decision)) {
                limited.add(decision);
                continue;
            }
            TaggedImage image = decision.image();
            List<String> tags = decision.tagsToScan().stream().filter(tag -> kept.contains(new Candidate(image, tag))).toList();
            limited.add(tags.isEmpty()
                    ? ImageDecision.skip(image, SkipReason.MAX_TAGS_PER_REPOSITORY,
                            detail(image.repository(), decision.tagsToScan(), limit), decision.ageUnknown())
                    : ImageDecision.scan(image, tags, Optional.empty(), decision.ageUnknown()));
        }
        return limited;
    }

    private static boolean competes(ImageDecision decision) {
        return decision.scanned() && decision.includedBy().isEmpty();
    }

    private static String detail(String repository, List<String> tags, int limit) {
        String which = tags.size() == 1 ? "tag " + tags.get(0) + " is" : "tags " + String.join(", ", tags) + " are";
        String recent = limit == 1 ? "the most recent tag" : "the " + limit + " most recent tags";
        return which + " not among " + recent + " of " + repository + " (max_tags_per_repository " + limit + ")";
    }
}
