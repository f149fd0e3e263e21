package io.stella.scan.registry.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code max_repositories_per_registry}: repositories by name, the first N kept. A repository whose tags
 * all match an {@code include} (or that has no tag) takes no place; beyond the limit, a repository keeps
 * only its tags matching an {@code include}.
 */
final class RepositoryLimit {

    private RepositoryLimit() {
    }

    /** @param limit null for no limit */
    static List<RepositoryDecision> apply(Map<String, List<String>> tagsByRepository, Integer limit, ReferenceRegexes include) {
        List<RepositoryDecision> decisions = new ArrayList<>(tagsByRepository.size());
        int placesTaken = 0;
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(tagsByRepository).entrySet()) {
            String repository = entry.getKey();
            List<String> tags = entry.getValue().stream().distinct().sorted().toList();
            List<String> included = tags.stream().filter(tag -> include.matches(repository, tag)).toList();
            boolean takesPlace = included.size() < tags.size();
            if (limit == null || !takesPlace || placesTaken < limit) {
                placesTaken += takesPlace ? 1 : 0;
                decisions.add(new RepositoryDecision(repository, tags, List.of(), Optional.empty()));
            } else {
                List<String> skipped = tags.stream().filter(tag -> !included.contains(tag)).toList();
                Skip skip = new Skip(SkipReason.MAX_REPOSITORIES_PER_REGISTRY, "repository " + repository
                        + " is beyond the first " + limit + " by name (max_repositories_per_registry " + limit + ")");
                decisions.add(new RepositoryDecision(repository, included, skipped, Optional.of(skip)));
            }
        }
        return List.copyOf(decisions);
    }
}
