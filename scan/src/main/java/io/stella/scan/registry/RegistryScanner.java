package io.stella.scan.registry;

import io.stella.inventory.Inventory;
import io.stella.inventory.analysis.ImageAnalyzer;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.config.RegistryConfig;
import io.stella.registry.discovery.VendorDiscoveryOptions;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.VulnerabilityScanner;
import io.stella.scan.registry.filter.ImageDecision;
import io.stella.scan.registry.filter.ImageFilter;
import io.stella.scan.registry.filter.TaggedImage;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.KnownImage;
import io.stella.scan.store.LockOwner;
import io.stella.scan.store.LockResult;
import io.stella.scan.store.ResultsStore;
import io.stella.scan.store.RunLock;
import io.stella.scan.store.RunTotals;
import io.stella.scan.store.ScanRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole registry, phase by phase: discovery, metadata, filters, scan, report. One run per registry at
 * a time (a lock in the results store); a run that was killed is resumed where it stopped. Every image
 * discovered ends with exactly one record: SUCCESS, FAILED with its code, or SKIPPED with its reason.
 */
public final class RegistryScanner {
    public static final String FULL = "full";
    public static final String RESCAN = "rescan";
    /** Reports list images by repository, then tag (an image by its first tag). */
    private static final java.util.Comparator<ImageRecord> READING_ORDER = java.util.Comparator
            .comparing(ImageRecord::repository)
            .thenComparing(r -> r.tags().isEmpty() ? "" : r.tags().getFirst())
            .thenComparing(ImageRecord::imageKey);

    private final ResultsStore store;
    private final VulnerabilityScanner vulnerabilities;
    private final ImageAnalyzer analyzer;
    private final String analyzerVersion;
    private final RegistryScanSettings settings;
    private final ScanListener listener;

    public RegistryScanner(ResultsStore store, VulnerabilityScanner vulnerabilities, ImageAnalyzer analyzer,
                           String analyzerVersion, RegistryScanSettings settings,
                           ScanListener listener) {
        this.store = store;
        this.vulnerabilities = vulnerabilities;
        this.analyzer = analyzer;
        this.analyzerVersion = analyzerVersion + "/codec" + AnalysisCodec.FORMAT;
        this.settings = settings;
        this.listener = listener;
    }

    /** Discovers, reads metadata, filters and scans every image of the registry. */
    public RegistryScanResult scan(RegistryConfig registry, RegistryClient client) {
        return scan(registry, client, vendorOptions(registry, Map.of()));
    }

    /**
     * The vendor API options of a registry entry: its {@code discovery:} namespaces and API URL, and the API
     * token read from the environment variable it names.
     */
    public static VendorDiscoveryOptions vendorOptions(RegistryConfig registry, Map<String, String> environment) {
        VendorDiscoveryOptions options = VendorDiscoveryOptions.all().withNamespaces(registry.discovery().namespaces());
        if (registry.discovery().apiUri().isPresent()) {
            options = options.withApiUrl(registry.discovery().apiUri().get());
        }
        Optional<String> tokenEnv = registry.discovery().apiTokenEnvName();
        if (tokenEnv.isPresent()) {
            String token = environment.get(tokenEnv.get());
            if (token == null || token.isBlank()) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "discovery.api_token_env of registry "
                                + registry.name() + " names " + tokenEnv.get() + ", which is not set")
                        .hint("Export " + tokenEnv.get() + " with the vendor API token, or remove discovery.api_token_env.")
                        .build();
            }
            options = options.withApiToken(io.stella.registry.Secret.of(token.strip()));
        }
        return options;
    }

    /** As {@link #scan(RegistryConfig, RegistryClient)} with the vendor API options given. */
    public RegistryScanResult scan(RegistryConfig registry, RegistryClient client, VendorDiscoveryOptions vendor) {
        return scan(registry, client, vendor, Map.of());
    }

    /**
     * As {@link #scan(RegistryConfig, RegistryClient, VendorDiscoveryOptions)}, with push times by
     * {@code repository:tag} from a cloud API (ECR {@code imagePushedAt}, Artifact Registry {@code uploadTime}) for
     * images whose config states no creation time.
     */
    public RegistryScanResult scan(RegistryConfig registry, RegistryClient client, VendorDiscoveryOptions vendor,
                                   Map<String, java.time.Instant> pushedAt) {
        long start = System.nanoTime();
        try (RunLock lock = lock(registry.name()); Heartbeat heartbeat = new Heartbeat(lock, settings.heartbeatEvery())) {
            RepositoryDiscovery.Discovered discovered = RepositoryDiscovery.discover(registry, client, vendor);
            listener.log(ScanPhase.DISCOVERY, "registry=" + registry.name() + " repositories=" + discovered.repositories().size()
                    + " via " + discovered.method());
            ScanRun run = startRun(registry, FULL);
            lock.attachRun(run.id());
            Set<String> done = store.completedImageKeys(run.id());

            ImageFilter filter = new ImageFilter(registry.filter(), client.session().endpoint().registry(), settings.clock());
            MetadataCollector.Result metadata = new MetadataCollector(client, client.session().endpoint().registry(),
                    settings.platform(), settings.metadataWorkers(), settings.clock(), listener, pushedAt)
                    .collect(discovered.repositories(), filter);
            List<ImageRecord> early = new ArrayList<>(metadata.failed());
            early.addAll(metadata.skipped());
            List<ImageWork> toScan = new ArrayList<>();
            Map<String, ImageWork> byKey = new LinkedHashMap<>();
            metadata.images().forEach(i -> byKey.put(i.key(), i));
            List<TaggedImage> tagged = metadata.images().stream()
                    .map(i -> new TaggedImage(i.repository(), i.digest(), i.tags(), i.created())).toList();
            for (ImageDecision decision : filter.images(tagged)) {
                ImageWork image = byKey.get(ImageKeys.image(decision.image().repository(), decision.image().digest()));
                if (decision.scanned()) {
                    toScan.add(image.withTags(decision.tagsToScan()));
                } else {
                    early.add(Records.skipped(image.key(), image.repository(), image.tags(), image,
                            decision.skip().map(s -> s.reason().configKey() + ": " + s.detail()).orElse("filtered"),
                            settings.clock().instant()));
                }
            }
            int discoveredImages = early.size() + toScan.size();
            long skipped = early.stream().filter(r -> r.status() == io.stella.scan.store.ImageStatus.SKIPPED).count();
            listener.log(ScanPhase.METADATA, "images=" + discoveredImages + " to_scan=" + toScan.size()
                    + " skipped=" + skipped + " failed=" + (early.size() - skipped));
            for (ImageRecord r : early) {
                if (!done.contains(r.imageKey())) {
                    record(run, r, heartbeat);
                }
            }
            List<ImageWork> remaining = toScan.stream().filter(i -> !done.contains(i.key())).toList();
            StoreLayerCache layers = new StoreLayerCache(store, analyzerVersion);
            ImageScan imageScan = new ImageScan(client, client.session().endpoint().registry(), store, layers, analyzer,
                    analyzerVersion, vulnerabilities, settings.clock());
            runWorkers(run, heartbeat, remaining, toScan.size() - remaining.size(), toScan.size(), imageScan::scan);
            return finish(registry, client, FULL, run, discovered.method(), layers, start);
        }
    }

    /**
     * Re-evaluates every image known from earlier scans against the database as it is now, without
     * pulling layers: one manifest HEAD per tag; only tags that moved are pulled.
     */
    public RegistryScanResult rescan(RegistryConfig registry, RegistryClient client) {
        long start = System.nanoTime();
        try (RunLock lock = lock(registry.name()); Heartbeat heartbeat = new Heartbeat(lock, settings.heartbeatEvery())) {
            List<KnownImage> known = store.knownImages(registry.name());
            if (known.isEmpty()) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID,
                                "no image of registry " + registry.name() + " has been scanned yet, so there is nothing to rescan")
                        .hint("Run a full scan first: stella scan registry " + registry.name()).build();
            }
            listener.log(ScanPhase.DISCOVERY, "registry=" + registry.name() + " known_images=" + known.size()
                    + " via the results store");
            ScanRun run = startRun(registry, RESCAN);
            lock.attachRun(run.id());
            Set<String> done = store.completedImageKeys(run.id());
            List<KnownImage> remaining = known.stream()
                    .filter(k -> !done.contains(ImageKeys.image(k.repository(), k.digest()))).toList();
            listener.log(ScanPhase.SCAN, "images=" + remaining.size() + " workers=" + settings.maxWorkers()
                    + (done.isEmpty() ? "" : " already_done=" + done.size() + " (resumed)")
                    + ": a manifest HEAD per tag, then the stored inventory against the current database");
            StoreLayerCache layers = new StoreLayerCache(store, analyzerVersion);
            ImageScan imageScan = new ImageScan(client, client.session().endpoint().registry(), store, layers, analyzer,
                    analyzerVersion, vulnerabilities, settings.clock());
            new Rescan(client, client.session().endpoint().registry(), settings, listener, imageScan)
                    .run(remaining, new RecordSink(r -> record(run, r, heartbeat), listener, done.size(),
                            done.size() + remaining.size()));
            return finish(registry, client, RESCAN, run, "known images", layers, start);
        }
    }

    private void runWorkers(ScanRun run, Heartbeat heartbeat, List<ImageWork> images, int alreadyDone, int total,
                            java.util.function.Function<ImageWork, ImageRecord> scan) {
        listener.log(ScanPhase.SCAN, "images=" + images.size() + " workers=" + settings.maxWorkers()
                + (alreadyDone > 0 ? " already_done=" + alreadyDone + " (resumed)" : ""));
        new WorkerPool(settings.maxWorkers(), settings.timeoutPerImage(), settings.clock())
                .run(images, scan, new RecordSink(r -> record(run, r, heartbeat), listener, alreadyDone, total));
    }

    private RegistryScanResult finish(RegistryConfig registry, RegistryClient client, String mode, ScanRun run, String method,
                                      StoreLayerCache layers, long startNanos) {
        List<ImageRecord> records = new ArrayList<>(store.imageRecords(run.id()));
        records.sort(READING_ORDER);
        RunTotals totals = RegistryScanResult.totalsOf(records);
        store.finishRun(run.id(), totals, settings.clock().instant());
        ScanRun finished = store.run(run.id()).orElse(run);
        RegistryScanResult result = new RegistryScanResult(registry.name(),
                client.session().endpoint().registry(), mode, finished, records, totals, method,
                layers.reads(), layers.hits(), Duration.ofNanos(System.nanoTime() - startNanos));
        listener.log(ScanPhase.REPORT_BUILDER, "run=" + run.id() + " layers_read=" + layers.reads()
                + " layers_reused=" + layers.hits() + " elapsed=" + result.elapsed().toMillis() + "ms");
        listener.log(ScanPhase.REPORT_BUILDER, result.totalLine());
        return result;
    }

    private ScanRun startRun(RegistryConfig registry, String mode) {
        ScanRun run = store.startOrResumeRun(registry.name(), mode, settings.clock().instant());
        if (run.resumed()) {
            listener.log(ScanPhase.DISCOVERY, "resuming run " + run.id() + " started " + run.startedAt()
                    + ": images recorded before are not scanned again");
        }
        return run;
    }

    private void record(ScanRun run, ImageRecord r, Heartbeat heartbeat) {
        heartbeat.checkHeld(run.registry());
        store.recordImage(run.id(), r);
        listener.imageRecorded(r);
    }

    private RunLock lock(String registry) {
        LockResult result = store.tryLock(registry, 0, settings.lockStaleAfter());
        return switch (result) {
            case LockResult.Held held -> throw inProgress(registry, held.owner());
            case LockResult.Acquired acquired -> {
                acquired.takenOverFrom().ifPresent(owner -> listener.log(ScanPhase.DISCOVERY,
                        "took over the lock of a scan of " + registry + " that is no longer running (pid " + owner.pid()
                                + " on " + owner.host() + ", last alive " + owner.heartbeat() + ")"));
                yield acquired.lock();
            }
        };
    }

    private static RegistryException inProgress(String registry, LockOwner owner) {
        return RegistryException.builder(FailureCode.SCAN_IN_PROGRESS,
                        "a scan of registry " + registry + " is already running (pid " + owner.pid() + " on " + owner.host()
                                + ", since " + owner.since() + ")")
                .hint("Wait for it to finish; a lock whose process died is taken over by the next scan.")
                .evidence("owner_host", owner.host()).evidence("owner_pid", owner.pid())
                .evidence("since", owner.since()).evidence("last_heartbeat", owner.heartbeat())
                .build();
    }
}
