package io.stella.scan.registry;

import io.stella.inventory.analysis.LayerFragment;
import io.stella.inventory.analysis.LayerFragmentCache;
import io.stella.scan.store.ResultsStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Layer fragments kept in the results store, so they outlive the run; claims in flight are held in
 * memory, so two workers needing the same base layer at once download it once.
 */
final class StoreLayerCache implements LayerFragmentCache {
    private final ResultsStore store;
    private final String analyzerVersion;
    private final ConcurrentMap<String, CompletableFuture<Optional<LayerFragment>>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();

    StoreLayerCache(ResultsStore store, String analyzerVersion) {
        this.store = store;
        this.analyzerVersion = analyzerVersion;
    }

    @Override
    public Claim claim(String layerDigest) {
        CompletableFuture<Optional<LayerFragment>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<LayerFragment>> other = inFlight.putIfAbsent(layerDigest, mine);
        if (other != null) {
            hits.incrementAndGet();
            return new Claim.Pending(other);
        }
        Optional<LayerFragment> stored = store.layerFragment(layerDigest, analyzerVersion).flatMap(AnalysisCodec::fragment);
        if (stored.isPresent()) {
            inFlight.remove(layerDigest, mine);
            mine.complete(stored);
            hits.incrementAndGet();
            return new Claim.Cached(stored.get());
        }
        reads.incrementAndGet();
        return new Claim.Owned();
    }

    @Override
    public void complete(String layerDigest, LayerFragment fragment) {
        store.putLayerFragment(layerDigest, analyzerVersion, AnalysisCodec.encode(fragment));
        CompletableFuture<Optional<LayerFragment>> claim = inFlight.remove(layerDigest);
        if (claim != null) {
            claim.complete(Optional.of(fragment));
        }
    }

    @Override
    public void abandon(String layerDigest) {
        CompletableFuture<Optional<LayerFragment>> claim = inFlight.remove(layerDigest);
        if (claim != null) {
            claim.complete(Optional.empty());
        }
    }

    /** Layers served from the cache or from another worker's download. */
    int hits() {
        return hits.get();
    }

    /** Layers this run downloaded and analysed. */
    int reads() {
        return reads.get();
    }
}
