package io.stella.inventory.analysis;

import io.stella.image.ImageSource;
import io.stella.inventory.Inventory;
import io.stella.inventory.spi.PackageAnalyzer;
import java.io.IOException;
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
                analyzers.stream().map(PackageAnalyzer::name).toList());
    }
}
