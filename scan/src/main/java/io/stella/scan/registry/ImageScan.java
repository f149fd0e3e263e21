package io.stella.scan.registry;

import io.stella.image.LayerLimits;
import io.stella.image.source.RegistryImageSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.analysis.ImageAnalyzer;
import io.stella.registry.ImageReference;
import io.stella.registry.Platform;
import io.stella.registry.client.RegistryClient;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import io.stella.scan.ScanCoverage;
import io.stella.scan.ScanReport;
import io.stella.scan.VulnerabilityScanner;
import io.stella.scan.report.SeverityTotals;
import io.stella.scan.store.ImageRecord;
import io.stella.scan.store.ImageStatus;
import io.stella.scan.store.ResultsStore;
import io.stella.scan.store.SeverityCounts;
import io.stella.vulndb.model.Severity;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * One image, end to end: its inventory (from the store when this manifest was analysed before, else
 * pulled, reading only layers the layer cache lacks), matched against the database, as one record.
 */
final class ImageScan {
    private final RegistryClient client;
    private final String registryHost;
    private final ResultsStore store;
    private final StoreLayerCache layers;
    private final ImageAnalyzer analyzer;
    private final String analyzerVersion;
    private final VulnerabilityScanner scanner;
    private final Clock clock;

    ImageScan(RegistryClient client, String registryHost, ResultsStore store, StoreLayerCache layers, ImageAnalyzer analyzer,
              String analyzerVersion, VulnerabilityScanner scanner, Clock clock) {
        this.client = client;
        this.registryHost = registryHost;
        this.store = store;
        this.layers = layers;
        this.analyzer = analyzer;
        this.analyzerVersion = analyzerVersion;
        this.scanner = scanner;
        this.clock = clock;
    }

    /** The record of the image; failures become FAILED records, never exceptions. */
    ImageRecord scan(ImageWork image) {
        long start = System.nanoTime();
        Inventory inventory;
        try {
            Optional<Inventory> known = knownInventory(image);
            inventory = known.isPresent() ? known.get() : pull(image);
        } catch (RuntimeException | IOException e) {
            RegistryException failure = e instanceof RegistryException re ? re
                    : e instanceof IOException io ? RegistryException.builder(FailureCode.LAYER_CORRUPT,
                    "reading the layers of " + image.key() + " failed: " + io.getMessage()).cause(io).build()
                    : Records.unexpected("analysing " + image.key(), e);
            return Records.failed(image.key(), image.repository(), image.tags(), image, failure, clock.instant());
        }
        long analyzed = System.nanoTime();
        return evaluate(image, inventory, millis(start, analyzed), analyzed);
    }

    /** The stored inventory of an image analysed before, under its manifest digest or its (index, platform). */
    Optional<Inventory> knownInventory(ImageWork image) {
        Optional<byte[]> data = image.manifestDigest() != null
                ? store.inventory(ImageKeys.inventory(image.manifestDigest()), analyzerVersion)
                : store.inventory(ImageKeys.inventory(image.digest(), image.platform()), analyzerVersion)
                        .or(() -> store.inventory(ImageKeys.inventory(image.digest()), analyzerVersion));
        return data.flatMap(AnalysisCodec::inventory);
    }

    /** Matches a known inventory against the database as it is now. */
    ImageRecord evaluate(ImageWork image, Inventory inventory, long analyzeMillis, long matchStart) {
        try {
            ScanReport report = scanner.scan(inventory);
            long matched = System.nanoTime();
            ScanCoverage coverage = ScanCoverage.of(report);
            SeverityTotals totals = SeverityTotals.of(report.findings());
            SeverityCounts counts = new SeverityCounts(totals.count(Severity.CRITICAL), totals.count(Severity.HIGH),
                    totals.count(Severity.MEDIUM), totals.count(Severity.LOW),
                    totals.count(Severity.UNKNOWN) + totals.count(Severity.NONE));
            String gap = !inventory.complete()
                    ? "part of the image could not be analysed (" + inventory.warnings().stream().map(w -> w.kind())
                    .distinct().collect(java.util.stream.Collectors.joining(", ")) + "); the findings cover what was seen"
                    : coverage.gap();
            boolean complete = gap == null;
            return new ImageRecord(image.key(), image.repository(), image.tags(), image.digest(), image.platform(),
                    image.created().orElse(null), complete ? ImageStatus.SUCCESS : ImageStatus.FAILED,
                    complete ? null : FailureCode.SCAN_INCOMPLETE.name(), gap, null, counts,
                    StoredFindings.encode(report.findings()), 0, analyzeMillis, millis(matchStart, matched), clock.instant());
        } catch (RuntimeException e) {
            return Records.failed(image.key(), image.repository(), image.tags(), image,
                    Records.unexpected("matching " + image.key(), e), clock.instant());
        }
    }

    private Inventory pull(ImageWork image) throws IOException {
        String reference = image.manifestDigest() != null ? image.manifestDigest() : image.digest();
        ImageReference ref = new ImageReference(registryHost, image.repository(), null, reference);
        Optional<Platform> platform = Optional.ofNullable(image.platform()).map(Platform::parse);
        Inventory inventory;
        try (RegistryImageSource source = image.resolved().isPresent()
                ? new RegistryImageSource(client, image.resolved().get(), LayerLimits.DEFAULT)
                : new RegistryImageSource(client, ref, platform, LayerLimits.DEFAULT)) {
            inventory = analyzer.analyze(source, layers);
        }
        byte[] data = AnalysisCodec.encode(inventory);
        store.putInventory(ImageKeys.inventory(reference), analyzerVersion, data);
        if (image.platform() != null && !reference.equals(image.digest())) {
            store.putInventory(ImageKeys.inventory(image.digest(), image.platform()), analyzerVersion, data);
        }
        return inventory;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
