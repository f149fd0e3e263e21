package io.stella.scan.registry;

import io.stella.inventory.Inventory;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * A rescan: every known image against the database as it is now, without pulling layers. Each worker takes
 * a known image, asks the registry with one manifest HEAD per tag where its tags point, and re-evaluates the
 * stored inventory under the tags still there, so the HEADs of one image overlap the matching of another.
 * Tags that moved are read and their new images scanned (through the layer cache) in a second pass; an image
 * no tag points at any more is skipped with that reason.
 */
final class Rescan {
    private final RegistryClient client;
    private final String registryHost;
    private final RegistryScanSettings settings;
    private final ScanListener listener;
    private final ImageScan imageScan;
    /** Tags that point elsewhere now, by repository. */
    private final ConcurrentMap<String, List<String>> moved = new ConcurrentHashMap<>();
    /** Tags recorded per image key in the first pass, so a tag that moved onto a known image joins them. */
    private final ConcurrentMap<String, List<String>> recordedTags = new ConcurrentHashMap<>();

    Rescan(RegistryClient client, String registryHost, RegistryScanSettings settings, ScanListener listener,
           ImageScan imageScan) {
        this.client = client;
        this.registryHost = registryHost;
        this.settings = settings;
        this.listener = listener;
        this.imageScan = imageScan;
    }

    /** @param record where every record goes (the run, logs and progress: {@link RecordSink}) */
    void run(List<KnownImage> known, Consumer<ImageRecord> record) {
        // Rechecking is mostly waiting for HEADs: as many at once as the registry is asked to take.
        WorkerPool recheck = new WorkerPool(Math.max(settings.maxWorkers(), settings.metadataWorkers()),
                settings.timeoutPerImage(), settings.clock());
        WorkerPool pool = new WorkerPool(settings.maxWorkers(), settings.timeoutPerImage(), settings.clock());
        recheck.run(known, Rescan::describe, this::recheck, record);
        int movedTags = moved.values().stream().mapToInt(List::size).sum();
        listener.log(ScanPhase.METADATA, "tags_checked=" + known.stream().mapToInt(k -> k.tags().size()).sum()
                + " moved_tags=" + movedTags);
        if (movedTags > 0) {
            List<ImageWork> images = new ArrayList<>();
            List<ImageRecord> unreadable = new ArrayList<>();
            resolveMoved(images, unreadable);
            unreadable.forEach(record);
            listener.log(ScanPhase.SCAN, "images=" + images.size() + " that tags moved to");
            pool.run(images, image -> {
                List<String> before = recordedTags.get(image.key());
                if (before == null) {
                    return imageScan.scan(image);
                }
                List<String> tags = new ArrayList<>(before);
                tags.addAll(image.tags());
                ImageWork merged = image.withTags(tags.stream().distinct().sorted().toList());
                return reevaluate(merged);
            }, record);
        }
    }

    private static ImageWork describe(KnownImage image) {
        return new ImageWork(image.repository(), image.digest(), null, image.platform(),
                Optional.ofNullable(image.created()), image.tags());
    }

    /** The first pass for one known image: HEAD its tags, re-evaluate under those still there. */
    private ImageRecord recheck(KnownImage image) {
        ImageWork work = describe(image);
        List<String> stillThere = new ArrayList<>();
        for (String tag : image.tags()) {
            Optional<String> now;
            try {
                now = client.manifestDigest(image.repository(), tag);
            } catch (RuntimeException e) {
                return Records.failed(work.key(), image.repository(), image.tags(), work,
                        Records.unexpected("checking " + image.repository() + ":" + tag, e), settings.clock().instant());
            }
            if (now.isPresent() && now.get().equals(image.digest())) {
                stillThere.add(tag);
            } else if (now.isPresent()) {
                moved.computeIfAbsent(image.repository(), r -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(tag);
            }
        }
        if (stillThere.isEmpty()) {
            return Records.skipped(work.key(), image.repository(), image.tags(), work,
                    "no tag points at this image any more", settings.clock().instant());
        }
        ImageWork current = work.withTags(stillThere);
        recordedTags.put(current.key(), stillThere);
        return reevaluate(current);
    }

    private ImageRecord reevaluate(ImageWork image) {
        long start = System.nanoTime();
        Optional<Inventory> inventory = imageScan.knownInventory(image);
        return inventory.isPresent() ? imageScan.evaluate(image, inventory.get(), 0, start) : imageScan.scan(image);
    }

    private void resolveMoved(List<ImageWork> images, List<ImageRecord> unreadable) {
        Map<String, ImageWork> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(moved).entrySet()) {
            for (String tag : e.getValue().stream().sorted().toList()) {
                try {
                    ResolvedImage r = client.resolve(new ImageReference(registryHost, e.getKey(), tag, null),
                            settings.platform());
                    String key = ImageKeys.image(e.getKey(), r.digest());
                    ImageWork prior = byKey.get(key);
                    List<String> tags = new ArrayList<>(prior == null ? List.of() : prior.tags());
                    tags.add(tag);
                    byKey.put(key, new ImageWork(e.getKey(), r.digest(), r.manifest().digest(), r.platform().toString(),
                            r.created(), tags.stream().sorted().toList(), Optional.of(r)));
                } catch (RegistryException | IllegalArgumentException ex) {
                    unreadable.add(Records.failed(ImageKeys.tag(e.getKey(), tag), e.getKey(), List.of(tag), null,
                            Records.unexpected("reading " + e.getKey() + ":" + tag, ex), settings.clock().instant()));
                }
            }
        }
        images.addAll(byKey.values());
    }
}
