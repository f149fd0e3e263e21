package io.stella.inventory.analysis;

import io.stella.image.EntryType;
import io.stella.image.LayerEntry;
import io.stella.image.LayerRef;
import io.stella.image.LayerVisitor;
import io.stella.image.LayerWarning;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import io.stella.inventory.os.OsDetector;
import io.stella.inventory.spi.AnalyzableFile;
import io.stella.inventory.spi.FileInfo;
import io.stella.inventory.spi.Findings;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the analyzers over each layer as its entries stream past and collects one {@link LayerFragment}
 * per layer. Several layers may stream at once, each on its own thread. Files no analyzer wants are never read; a file two analyzers want is read once into
 * memory as far as the analyzers read it (within the per-file cap) and replayed to each.
 */
final class LayerScanner implements LayerVisitor {
    private static final long MAX_RELEASE_FILE_BYTES = 64 * 1024;
    private static final Set<String> RELEASE_FILES = new HashSet<>(OsDetector.RELEASE_FILES);

    private final List<PackageAnalyzer> analyzers;
    private final AnalysisOptions options;
    private final Map<String, LayerFragment> fragments = new ConcurrentHashMap<>();
    private final List<AnalysisWarning> sourceWarnings = new CopyOnWriteArrayList<>();
    /** Layers being read, by key and by display digest: sources may read several layers at once. */
    private final Map<String, Building> building = new ConcurrentHashMap<>();

    /** The fragment under construction. */
    private record Building(String key, String displayDigest, List<LayerEntry> entries, Map<String, List<Package>> packages,
                            Map<String, byte[]> releaseFiles, List<AnalysisWarning> warnings) {}

    LayerScanner(List<PackageAnalyzer> analyzers, AnalysisOptions options) {
        this.analyzers = analyzers;
        this.options = options;
    }

    Map<String, LayerFragment> fragments() {
        return fragments;
    }

    /** Warnings raised outside any layer (skipped foreign layers...). */
    List<AnalysisWarning> sourceWarnings() {
        return sourceWarnings;
    }

    @Override
    public void startLayer(LayerRef layer) {
        Building b = new Building(layer.key(), layer.displayDigest(), new ArrayList<>(), new HashMap<>(), new HashMap<>(),
                new ArrayList<>());
        building.put(layer.key(), b);
        building.put(layer.displayDigest(), b);
    }

    @Override
    public void endLayer(LayerRef layer) {
        Building current = building.remove(layer.key());
        if (current != null) {
            building.remove(current.displayDigest());
            fragments.put(current.key(), new LayerFragment(current.key(), List.copyOf(current.entries()),
                    Map.copyOf(current.packages()), Map.copyOf(current.releaseFiles()), List.copyOf(current.warnings())));
        }
    }

    @Override
    public void warning(LayerWarning warning) {
        AnalysisWarning w = new AnalysisWarning(warning.kind(), warning.layer(), warning.entry(), warning.message());
        Building current = warning.layer() == null ? null : building.get(warning.layer());
        if (current != null) {
            current.warnings().add(w);
        } else {
            sourceWarnings.add(w);
        }
    }

    @Override
    public void entry(LayerRef layer, LayerEntry entry, InputStream content) throws IOException {
        Building current = building.get(layer.key());
        current.entries().add(entry);
        if (entry.type() == EntryType.HARDLINK) {
            linkFindings(current, entry);
            return;
        }
        if (entry.type() != EntryType.FILE) {
            return;
        }
        FileInfo info = new FileInfo(entry.path(), entry.size(), entry.mode());
        boolean releaseFile = RELEASE_FILES.contains(entry.path());
        List<PackageAnalyzer> interested = new ArrayList<>(1);
        for (PackageAnalyzer analyzer : analyzers) {
            if (analyzer.accepts(info)) {
                interested.add(analyzer);
            }
        }
        if (interested.isEmpty() && !releaseFile) {
            return;
        }
        if (entry.size() > options.maxFileBytes()) {
            current.warnings().add(new AnalysisWarning("oversized-file", layer.displayDigest(), entry.path(),
                    "file of " + entry.size() + " bytes is larger than the per-file analysis cap of "
                            + options.maxFileBytes() + " bytes; not analysed by " + names(interested)));
            return;
        }
        if (releaseFile) {
            if (entry.size() <= MAX_RELEASE_FILE_BYTES) {
                byte[] bytes = content.readNBytes((int) MAX_RELEASE_FILE_BYTES);
                current.releaseFiles().put(entry.path(), bytes);
                content = new ByteArrayInputStream(bytes);
            }
        }
        if (interested.size() == 1) {
            run(current, interested.get(0), info, layer, content);
        } else if (interested.size() > 1) {
            ReplayableContent shared = new ReplayableContent(content, entry.size());
            for (PackageAnalyzer analyzer : interested) {
                run(current, analyzer, info, layer, shared.reader());
            }
        }
    }

    /** A hard link to a file analysed earlier in this layer has the same packages at its own path. */
    private static void linkFindings(Building current, LayerEntry link) {
        List<Package> found = current.packages().get(link.linkTarget());
        if (found != null) {
            List<Package> copies = new ArrayList<>();
            for (Package p : found) {
                copies.add(p.filePath() != null && p.filePath().equals(link.linkTarget()) ? p.withFilePath(link.path()) : p);
            }
            current.packages().put(link.path(), copies);
        }
        byte[] release = current.releaseFiles().get(link.linkTarget());
        if (release != null) {
            current.releaseFiles().put(link.path(), release);
        }
    }

    private void run(Building current, PackageAnalyzer analyzer, FileInfo info, LayerRef layer, InputStream content) throws IOException {
        String path = info.path();
        CappedFile file = new CappedFile(info, content, options.maxFileBytes());
        Findings findings = new Findings() {
            @Override
            public void add(Package pkg) {
                current.packages().computeIfAbsent(path, p -> new ArrayList<>())
                        .add(pkg.filePath() == null ? pkg.withFilePath(path) : pkg);
            }

            @Override
            public void warn(String kind, String message) {
                current.warnings().add(new AnalysisWarning(kind, layer.displayDigest(), path, message));
            }
        };
        try {
            analyzer.analyze(file, findings);
        } catch (CappedFile.CapExceededException e) {
            findings.warn("oversized-file", e.getMessage());
        } catch (RuntimeException e) {
            // one analyzer's bug must not cost the rest of the image: say which analyzer failed on which file
            findings.warn("analyzer-failed", "analyzer " + analyzer.name() + " failed: " + e);
        }
    }

    private static String names(List<PackageAnalyzer> analyzers) {
        List<String> names = new ArrayList<>();
        for (PackageAnalyzer a : analyzers) {
            names.add(a.name());
        }
        return names.isEmpty() ? "os detection" : String.join(", ", names);
    }
}
