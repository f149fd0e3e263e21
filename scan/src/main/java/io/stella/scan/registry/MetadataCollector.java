package io.stella.scan.registry;

import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.registry.filter.ImageFilter;
import io.stella.scan.registry.filter.RepositoryDecision;
import io.stella.scan.store.ImageRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metadata phase: every repository's tags, then per tag the digest, platform and creation time.
 * Tags that share a digest become one image. Repositories beyond {@code max_repositories_per_registry}
 * are cut here, before their tags cost a manifest request each.
 */
final class MetadataCollector {
    private final RegistryClient client;
    private final String registryHost;
    private final Optional<Platform> platform;
    private final int parallelism;
    private final Clock clock;
    private final ScanListener listener;
    private final Map<String, java.time.Instant> pushedAt;

    /**
     * @param pushedAt push times by {@code repository:tag} from a cloud API, taken as the creation time of images
     *                 whose config has none
     */
    MetadataCollector(RegistryClient client, String registryHost, Optional<Platform> platform, int parallelism, Clock clock,
                      ScanListener listener, Map<String, java.time.Instant> pushedAt) {
        this.pushedAt = Map.copyOf(pushedAt);
        this.client = client;
        this.registryHost = registryHost;
        this.platform = platform;
        this.parallelism = parallelism;
        this.clock = clock;
        this.listener = listener;
    }

    /** @param images tags grouped into images; failed and skipped hold the records of what could not get that far */
    record Result(List<ImageWork> images, List<ImageRecord> failed, List<ImageRecord> skipped, int tags) {
    }

    private sealed interface TagsOutcome {
        record Listed(String repository, List<String> tags) implements TagsOutcome {}
        record Failed(String repository, RegistryException failure) implements TagsOutcome {}
    }

    private sealed interface TagOutcome {
        record Read(TagMetadata metadata) implements TagOutcome {}
        record Failed(String repository, String tag, RegistryException failure) implements TagOutcome {}
    }

    Result collect(List<String> repositories, ImageFilter filter) {
        List<ImageRecord> failed = new ArrayList<>();
        List<ImageRecord> skipped = new ArrayList<>();
        AtomicInteger listed = new AtomicInteger();
        List<TagsOutcome> tagLists = Bounded.map(repositories, parallelism, repository -> {
            TagsOutcome outcome;
            try {
                outcome = new TagsOutcome.Listed(repository, client.tags(repository));
            } catch (RuntimeException e) {
                outcome = new TagsOutcome.Failed(repository, Records.unexpected("listing the tags of " + repository, e));
            }
            listener.progress(ScanPhase.METADATA, listed.incrementAndGet(), repositories.size(), 0);
            return outcome;
        });
        Map<String, List<String>> tagsByRepository = new TreeMap<>();
        for (TagsOutcome outcome : tagLists) {
            switch (outcome) {
                case TagsOutcome.Listed l -> tagsByRepository.put(l.repository(), l.tags());
                case TagsOutcome.Failed f -> failed.add(Records.failed(ImageKeys.repository(f.repository()), f.repository(),
                        List.of(), null, f.failure(), clock.instant()));
            }
        }
        List<String[]> toRead = new ArrayList<>();
        List<RepositoryDecision> cut = new ArrayList<>();
        for (RepositoryDecision decision : filter.repositories(tagsByRepository)) {
            if (!decision.skippedTags().isEmpty()) {
                cut.add(decision);
            }
            for (String tag : decision.tagsForMetadata()) {
                toRead.add(new String[] {decision.repository(), tag});
            }
        }
        skipped.addAll(skippedBeforeMetadata(cut));
        listener.log(ScanPhase.METADATA, tagsByRepository.size() + " repositories listed, "
                + tagsByRepository.values().stream().mapToInt(List::size).sum() + " tags, " + toRead.size()
                + " tags to read" + (failed.isEmpty() ? "" : ", " + failed.size() + " repositories could not be listed"));

        AtomicInteger read = new AtomicInteger();
        AtomicInteger readFailed = new AtomicInteger();
        List<TagOutcome> outcomes = Bounded.map(toRead, parallelism, rt -> {
            TagOutcome outcome = readTag(rt[0], rt[1]);
            if (outcome instanceof TagOutcome.Failed) {
                readFailed.incrementAndGet();
            }
            listener.progress(ScanPhase.METADATA, read.incrementAndGet(), toRead.size(), readFailed.get());
            return outcome;
        });
        Map<String, List<TagMetadata>> byImage = new LinkedHashMap<>();
        for (TagOutcome outcome : outcomes) {
            switch (outcome) {
                case TagOutcome.Read r -> byImage.computeIfAbsent(ImageKeys.image(r.metadata().repository(),
                        r.metadata().digest()), k -> new ArrayList<>()).add(r.metadata());
                case TagOutcome.Failed f -> failed.add(Records.failed(ImageKeys.tag(f.repository(), f.tag()), f.repository(),
                        List.of(f.tag()), null, f.failure(), clock.instant()));
            }
        }
        List<ImageWork> images = new ArrayList<>();
        for (List<TagMetadata> tags : byImage.values()) {
            TagMetadata first = tags.getFirst();
            images.add(new ImageWork(first.repository(), first.digest(), first.manifestDigest(), first.platform(),
                    first.created(), tags.stream().map(TagMetadata::tag).sorted().toList(), Optional.of(first.resolved())));
        }
        return new Result(images, failed, skipped, toRead.size());
    }

    /**
     * Tags cut before metadata still count as images: one manifest HEAD per tag (no manifest or config
     * download) tells which tags share a digest, so each image is one skipped record.
     */
    private List<ImageRecord> skippedBeforeMetadata(List<RepositoryDecision> cut) {
        List<String[]> tags = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RepositoryDecision decision : cut) {
            reasons.put(decision.repository(),
                    decision.skip().map(s -> s.reason().configKey() + ": " + s.detail()).orElse("filtered"));
            decision.skippedTags().forEach(tag -> tags.add(new String[] {decision.repository(), tag}));
        }
        List<Optional<String>> digests = Bounded.map(tags, parallelism, t -> {
            try {
                return client.manifestDigest(t[0], t[1]);
            } catch (RuntimeException e) {
                return Optional.<String>empty();
            }
        });
        Map<String, ImageWork> images = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String repository = tags.get(i)[0];
            String tag = tags.get(i)[1];
            String key = digests.get(i).map(d -> ImageKeys.image(repository, d)).orElse(ImageKeys.tag(repository, tag));
            ImageWork prior = images.get(key);
            List<String> grouped = new ArrayList<>(prior == null ? List.of() : prior.tags());
            grouped.add(tag);
            images.put(key, new ImageWork(repository, digests.get(i).orElse(null), null, null, Optional.empty(),
                    grouped.stream().sorted().toList()));
        }
        List<ImageRecord> records = new ArrayList<>();
        images.forEach((key, image) -> records.add(Records.skipped(key, image.repository(), image.tags(),
                image.digest() == null ? null : image, reasons.get(image.repository()), clock.instant())));
        return records;
    }

    private TagOutcome readTag(String repository, String tag) {
        try {
            ImageReference ref = new ImageReference(registryHost, repository, tag, null);
            ResolvedImage image = client.resolve(ref, platform);
            return new TagOutcome.Read(new TagMetadata(repository, tag, image.digest(), image.manifest().digest(),
                    image.platform().toString(),
                    image.created().or(() -> Optional.ofNullable(pushedAt.get(repository + ":" + tag))), image));
        } catch (RuntimeException e) {
            return new TagOutcome.Failed(repository, tag, Records.unexpected("reading " + repository + ":" + tag, e));
        }
    }
}
