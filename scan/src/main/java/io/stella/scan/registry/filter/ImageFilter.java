package io.stella.scan.registry.filter;

import io.stella.registry.config.FilterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides which images of one registry a registry scan takes, following the registry's {@code filter:}
 * with the Sysdig registry scanner's semantics, in two stages as the scan learns about the registry:
 * <ol>
 *   <li>{@link #repositories} from the tag lists alone: {@code max_repositories_per_registry};</li>
 *   <li>{@link #images} once the manifests are read: {@code exclude}, {@code max_age_days}, then
 *       {@code max_tags_per_repository}.</li>
 * </ol>
 * Regexes match the whole {@code registryHost/repository:tag}. An image with a tag matching an
 * {@code include} is always scanned, whatever the other settings say, and takes no place under the
 * limits. With {@link FilterConfig#NONE} everything is scanned.
 */
public final class ImageFilter {

    private final FilterConfig config;
    private final Clock clock;
    private final ReferenceRegexes include;
    private final ReferenceRegexes exclude;

    /**
     * @param registryHost the registry as in image references, e.g. {@code harbor.example.com:8443} or {@code docker.io}
     * @param clock        gives "now" for {@code max_age_days}
     */
    public ImageFilter(FilterConfig config, String registryHost, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registryHost, "registryHost");
        this.include = new ReferenceRegexes(registryHost, config.include());
        this.exclude = new ReferenceRegexes(registryHost, config.exclude());
    }

    /**
     * Stage 1, {@code max_repositories_per_registry}, see {@link RepositoryLimit}.
     *
     * @param tagsByRepository every repository's tags, from the registry's tag lists
     * @return one decision per repository, by repository name
     */
    public List<RepositoryDecision> repositories(Map<String, List<String>> tagsByRepository) {
        return RepositoryLimit.apply(tagsByRepository, config.maxRepositoriesPerRegistry(), include);
    }

    /**
     * Stage 2: {@code include}, {@code exclude} and {@code max_age_days} per image, then
     * {@code max_tags_per_repository} per repository, see {@link TagLimit}.
     *
     * @param images the registry's images, each repository and digest once
     * @return one decision per image, by repository then digest
     * @throws IllegalArgumentException when an image (repository and digest) is given twice
     */
    public List<ImageDecision> images(List<TaggedImage> images) {
        Instant now = clock.instant();
        Map<String, List<TaggedImage>> byRepository = new TreeMap<>(images.stream()
                .collect(Collectors.groupingBy(TaggedImage::repository)));
        List<ImageDecision> decisions = new ArrayList<>(images.size());
        for (List<TaggedImage> repositoryImages : byRepository.values()) {
            requireDistinctDigests(repositoryImages);
            List<ImageDecision> repositoryDecisions = repositoryImages.stream()
                    .sorted(Comparator.comparing(TaggedImage::digest))
                    .map(image -> decide(image, now))
                    .toList();
            Integer maxTags = config.maxTagsPerRepository();
            decisions.addAll(maxTags == null ? repositoryDecisions : TagLimit.apply(repositoryDecisions, maxTags));
        }
        return List.copyOf(decisions);
    }

    private ImageDecision decide(TaggedImage image, Instant now) {
        String repository = image.repository();
        for (String tag : image.tags()) {
            Optional<String> regex = include.firstMatch(repository, tag);
            if (regex.isPresent()) {
                // Exempt from everything else; excluded tags are only left out as names it is reported under.
                List<String> tags = image.tags().stream()
                        .filter(t -> include.matches(repository, t) || !exclude.matches(repository, t))
                        .toList();
                return ImageDecision.scan(image, tags, Optional.of("tag " + tag + " matched include '" + regex.get() + "'"), false);
            }
        }
        List<String> notExcluded = image.tags().stream().filter(tag -> !exclude.matches(repository, tag)).toList();
        if (notExcluded.isEmpty()) {
            return ImageDecision.skip(image, SkipReason.EXCLUDED, excludedDetail(image), false);
        }
        Integer maxAgeDays = config.maxAgeDays();
        if (maxAgeDays == null) {
            return ImageDecision.scan(image, notExcluded, Optional.empty(), false);
        }
        if (image.created().isEmpty()) {
            return ImageDecision.scan(image, notExcluded, Optional.empty(), true);
        }
        Instant created = image.created().get();
        if (created.isBefore(now.minus(Duration.ofDays(maxAgeDays)))) {
            return ImageDecision.skip(image, SkipReason.TOO_OLD, "created " + created.atZone(ZoneOffset.UTC).toLocalDate()
                    + ", older than max_age_days " + maxAgeDays, false);
        }
        return ImageDecision.scan(image, notExcluded, Optional.empty(), false);
    }

    private String excludedDetail(TaggedImage image) {
        return image.tags().stream()
                .map(tag -> "tag " + tag + " matched exclude '" + exclude.firstMatch(image.repository(), tag).orElseThrow() + "'")
                .collect(Collectors.joining(", "));
    }

    private static void requireDistinctDigests(List<TaggedImage> images) {
        Set<String> digests = new HashSet<>();
        for (TaggedImage image : images) {
            if (!digests.add(image.digest())) {
                throw new IllegalArgumentException("image " + image.repository() + "@" + image.digest()
                        + " is given twice; give each image once with all its tags");
            }
        }
    }
}
