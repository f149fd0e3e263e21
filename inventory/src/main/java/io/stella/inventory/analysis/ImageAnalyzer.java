package io.stella.inventory.analysis;

import io.stella.image.ImageSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.spi.PackageAnalyzer;
import io.stella.image.LayerRef;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** One image source in, one inventory out: walk the layers once, then assemble. */
public final class ImageAnalyzer {
    private final List<PackageAnalyzer> analyzers;
    private final AnalysisOptions options;

    public ImageAnalyzer(List<PackageAnalyzer> analyzers, AnalysisOptions options) {
        this.analyzers = List.copyOf(analyzers);
        this.options = options;
    }

    /** Every analyzer on the class path (META-INF/services), in name order. */
    public static List<PackageAnalyzer> installedAnalyzers() {
        List<PackageAnalyzer> found = new ArrayList<>();
        ServiceLoader.load(PackageAnalyzer.class).forEach(found::add);
        found.sort(Comparator.comparing(PackageAnalyzer::name));
        return found;
    }

    public static ImageAnalyzer withInstalledAnalyzers(AnalysisOptions options) {
        return new ImageAnalyzer(installedAnalyzers(), options);
    }

    public Inventory analyze(ImageSource source) throws IOException {
        LayerScanner scanner = new LayerScanner(analyzers, options);
        source.walk(scanner);
        return InventoryAssembler.assemble(source.metadata(), scanner.fragments(), scanner.sourceWarnings(),
                analyzerNames());
    }

    /**
     * Like {@link #analyze(ImageSource)}, reading only the layers the cache does not have. Layers
     * another caller is reading are waited for after this caller's own layers are read, so two images
     * that share layers in different orders never wait on each other.
     */
    public Inventory analyze(ImageSource source, LayerFragmentCache cache) throws IOException {
        List<LayerRef> layers = source.metadata().layers();
        Map<String, LayerFragment> known = new HashMap<>();
        Map<String, LayerFragmentCache.Claim.Pending> pending = new LinkedHashMap<>();
        Set<String> owned = new HashSet<>();
        for (LayerRef layer : layers) {
            if (layer.digest() == null || known.containsKey(layer.key()) || owned.contains(layer.key())
                    || pending.containsKey(layer.key())) {
                continue;
            }
            switch (cache.claim(layer.digest())) {
                case LayerFragmentCache.Claim.Cached c -> known.put(layer.key(), c.fragment());
                case LayerFragmentCache.Claim.Owned o -> owned.add(layer.key());
                case LayerFragmentCache.Claim.Pending p -> pending.put(layer.key(), p);
            }
        }
        LayerScanner scanner = new LayerScanner(analyzers, options);
        try {
            source.walk(scanner, layer -> !known.containsKey(layer.key()) && !pending.containsKey(layer.key()));
        } catch (IOException | RuntimeException e) {
            owned.forEach(key -> cache.abandon(digestOf(layers, key)));
            throw e;
        }
        for (String key : owned) {
            LayerFragment fragment = scanner.fragments().get(key);
            if (fragment != null && scanner.sourceWarnings().stream().noneMatch(w -> key.equals(w.layer()))) {
                cache.complete(digestOf(layers, key), fragment);
            } else {
                cache.abandon(digestOf(layers, key)); // skipped (foreign) or warned about outside the fragment
            }
        }
        Set<String> reread = new HashSet<>();
        for (Map.Entry<String, LayerFragmentCache.Claim.Pending> p : pending.entrySet()) {
            Optional<LayerFragment> fragment = await(p.getValue());
            if (fragment.isPresent()) {
                known.put(p.getKey(), fragment.get());
            } else {
                reread.add(p.getKey());
            }
        }
        if (!reread.isEmpty()) {
            source.walk(scanner, layer -> reread.contains(layer.key()));
        }
        Map<String, LayerFragment> fragments = new HashMap<>(scanner.fragments());
        known.forEach(fragments::putIfAbsent);
        return InventoryAssembler.assemble(source.metadata(), fragments, scanner.sourceWarnings(), analyzerNames());
    }

    private List<String> analyzerNames() {
        return analyzers.stream().map(PackageAnalyzer::name).toList();
    }

    private static String digestOf(List<LayerRef> layers, String key) {
        return layers.stream().filter(l -> l.key().equals(key)).findFirst().map(LayerRef::digest).orElseThrow();
    }

    private static Optional<LayerFragment> await(LayerFragmentCache.Claim.Pending pending) throws IOException {
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a shared layer");
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
