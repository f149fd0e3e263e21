package io.stella.scan.registry;

import io.stella.registry.ImageReference;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.client.ResolvedImage;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.KnownImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rescan's metadata phase: one manifest HEAD per known tag. Tags still at their digest keep the stored
 * inventory; tags that moved are read again (and their new image pulled); tags that are gone drop out.
 */
final class RescanPlanner {
    private final RegistryClient client;
    private final String registryHost;
    private final RegistryScanSettings settings;
    private final ScanListener listener;

    RescanPlanner(RegistryClient client, String registryHost, RegistryScanSettings settings, ScanListener listener) {
        this.client = client;
        this.registryHost = registryHost;
        this.settings = settings;
        this.listener = listener;
    }

    /** @param records images that end here: gone from the registry (SKIPPED) or unreadable (FAILED) */
    record Plan(List<ImageWork> unchanged, List<ImageWork> moved, List<ImageRecord> records) {
    }

    private record TagState(KnownImage image, String tag, Optional<String> digest, RegistryException failure) {
    }

    Plan plan(List<KnownImage> known) {
        List<String[]> tags = new ArrayList<>();
        Map<String, KnownImage> byKey = new LinkedHashMap<>();
        for (KnownImage image : known) {
            byKey.put(ImageKeys.image(image.repository(), image.digest()), image);
            for (String tag : image.tags()) {
                tags.add(new String[] {ImageKeys.image(image.repository(), image.digest()), tag});
            }
        }
        java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
        List<TagState> states = Bounded.map(tags, settings.metadataWorkers(), t -> {
            KnownImage image = byKey.get(t[0]);
            TagState state;
            try {
                state = new TagState(image, t[1], client.manifestDigest(image.repository(), t[1]), null);
            } catch (RuntimeException e) {
                state = new TagState(image, t[1], Optional.empty(), Records.unexpected("checking " + t[1], e));
            }
            listener.progress(ScanPhase.METADATA, checked.incrementAndGet(), tags.size(), 0);
            return state;
        });
        Map<String, List<String>> stillThere = new LinkedHashMap<>();
        Map<String, List<String>> movedTags = new LinkedHashMap<>(); // repository -> tags
        List<ImageRecord> records = new ArrayList<>();
        Map<String, RegistryException> failures = new LinkedHashMap<>();
        for (TagState s : states) {
            String key = ImageKeys.image(s.image().repository(), s.image().digest());
            if (s.failure() != null) {
                failures.putIfAbsent(key, s.failure());
            } else if (s.digest().isPresent() && s.digest().get().equals(s.image().digest())) {
                stillThere.computeIfAbsent(key, k -> new ArrayList<>()).add(s.tag());
            } else if (s.digest().isPresent()) {
                movedTags.computeIfAbsent(s.image().repository(), k -> new ArrayList<>()).add(s.tag());
            }
        }
        List<ImageWork> unchanged = new ArrayList<>();
        for (Map.Entry<String, KnownImage> e : byKey.entrySet()) {
            KnownImage image = e.getValue();
            ImageWork work = new ImageWork(image.repository(), image.digest(), null, image.platform(),
                    Optional.ofNullable(image.created()), stillThere.getOrDefault(e.getKey(), image.tags()));
            if (stillThere.containsKey(e.getKey())) {
                unchanged.add(work.withTags(stillThere.get(e.getKey()).stream().sorted().toList()));
            } else if (failures.containsKey(e.getKey())) {
                records.add(Records.failed(work.key(), image.repository(), image.tags(), work, failures.get(e.getKey()),
                        settings.clock().instant()));
            } else {
                records.add(Records.skipped(work.key(), image.repository(), image.tags(), work,
                        "no tag points at this image any more", settings.clock().instant()));
            }
        }
        List<ImageWork> moved = new ArrayList<>();
        Map<String, Integer> unchangedIndex = new LinkedHashMap<>();
        for (int i = 0; i < unchanged.size(); i++) {
            unchangedIndex.put(unchanged.get(i).key(), i);
        }
        for (ImageWork m : resolveMoved(movedTags, records)) {
            Integer same = unchangedIndex.get(m.key());
            if (same != null) { // a tag moved onto another image already known and unchanged
                List<String> merged = new ArrayList<>(unchanged.get(same).tags());
                merged.addAll(m.tags());
                unchanged.set(same, unchanged.get(same).withTags(merged.stream().distinct().sorted().toList()));
            } else {
                records.removeIf(r -> r.imageKey().equals(m.key()));
                moved.add(m);
            }
        }
        listener.log(ScanPhase.METADATA, "tags_checked=" + tags.size() + " unchanged_images=" + unchanged.size()
                + " moved_tags=" + movedTags.values().stream().mapToInt(List::size).sum() + " gone_or_failed=" + records.size());
        return new Plan(unchanged, moved, records);
    }

    private List<ImageWork> resolveMoved(Map<String, List<String>> movedTags, List<ImageRecord> records) {
        Map<String, ImageWork> images = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : movedTags.entrySet()) {
            for (String tag : e.getValue()) {
                try {
                    ResolvedImage r = client.resolve(new ImageReference(registryHost, e.getKey(), tag, null),
                            settings.platform());
                    String key = ImageKeys.image(e.getKey(), r.digest());
                    ImageWork prior = images.get(key);
                    List<String> tags = new ArrayList<>(prior == null ? List.of() : prior.tags());
                    tags.add(tag);
                    images.put(key, new ImageWork(e.getKey(), r.digest(), r.manifest().digest(), r.platform().toString(),
                            r.created(), tags.stream().sorted().toList()));
                } catch (RuntimeException ex) {
                    records.add(Records.failed(ImageKeys.tag(e.getKey(), tag), e.getKey(), List.of(tag), null,
                            Records.unexpected("reading " + e.getKey() + ":" + tag, ex), settings.clock().instant()));
                }
            }
        }
        return new ArrayList<>(images.values());
    }
}
