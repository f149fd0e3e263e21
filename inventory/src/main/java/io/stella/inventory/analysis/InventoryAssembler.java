package io.stella.inventory.analysis;

import io.stella.image.EntryType;
import io.stella.image.ImageMetadata;
import io.stella.image.LayerRef;
import io.stella.image.view.FileNode;
import io.stella.image.view.FileView;
import io.stella.image.view.FileViewBuilder;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Inventory;
import io.stella.inventory.OsRelease;
import io.stella.inventory.Package;
import io.stella.inventory.ScanTarget;
import io.stella.inventory.os.OsDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the layer fragments in the image's layer order: builds the final file view, keeps exactly the
 * packages whose file is still there as that layer wrote it (a later layer that deletes or replaces a
 * database removes what it listed), tells the OS from the surviving release files, and gives each
 * package its ecosystem and purl.
 */
public final class InventoryAssembler {
    private InventoryAssembler() {}

    public static Inventory assemble(ImageMetadata metadata, Map<String, LayerFragment> fragments,
                                     List<AnalysisWarning> sourceWarnings, List<String> analyzerNames) {
        List<AnalysisWarning> warnings = new ArrayList<>(sourceWarnings);
        FileViewBuilder builder = new FileViewBuilder();
        Map<String, String> layerDigest = new HashMap<>();
        List<LayerFragment> applied = new ArrayList<>();
        for (LayerRef layer : metadata.layers()) {
            layerDigest.put(layer.key(), layer.displayDigest());
            LayerFragment fragment = fragments.get(layer.key());
            if (fragment == null) {
                continue; // foreign layer: warned about when it was skipped
            }
            builder.apply(layer.key(), fragment.entries());
            if (!applied.contains(fragment)) {
                applied.add(fragment);
                for (AnalysisWarning w : fragment.warnings()) {
                    warnings.add(w.layer() == null || w.layer().equals(layer.key())
                            ? new AnalysisWarning(w.kind(), layer.displayDigest(), w.path(), w.message()) : w);
                }
            }
        }
        FileView view = builder.build();

        OsRelease os = OsDetector.detect(path -> releaseFile(view, fragments, path, warnings)).orElse(null);

        List<Package> packages = new ArrayList<>();
        for (LayerFragment fragment : applied) {
            for (Map.Entry<String, List<Package>> found : fragment.packagesByPath().entrySet()) {
                Optional<FileNode> node = view.get(found.getKey());
                if (node.isEmpty() || !node.get().layerKey().equals(fragment.layerKey())
                        || (node.get().type() != EntryType.FILE && node.get().type() != EntryType.HARDLINK)) {
                    continue; // deleted or replaced by a later layer
                }
                for (Package p : found.getValue()) {
                    packages.add(PackageIdentity.identify(p.withLayerDigest(layerDigest.get(fragment.layerKey())), os));
                }
            }
        }
        packages.sort(Comparator.comparing((Package p) -> p.type().ordinal())
                .thenComparing(Package::name)
                .thenComparing(Package::version)
                .thenComparing(p -> p.filePath() == null ? "" : p.filePath()));

        if (packages.isEmpty()) {
            warnings.add(new AnalysisWarning("inventory-empty", null, null, "no packages found; OS seen: "
                    + (os == null ? "none (no release file)" : os.prettyName() != null ? os.prettyName() : os.id())
                    + "; analyzers run: " + String.join(", ", analyzerNames)
                    + ". This is not a clean result: nothing was recognised to check."));
        }
        ScanTarget target = new ScanTarget(metadata.name(),
                metadata.rootFilesystem() ? ScanTarget.Kind.FILESYSTEM : ScanTarget.Kind.CONTAINER_IMAGE,
                metadata.digest(), metadata.platform(),
                metadata.layers().stream().map(LayerRef::displayDigest).toList());
        return new Inventory(target, os, packages, warnings, analyzerNames);
    }

    private static Optional<byte[]> releaseFile(FileView view, Map<String, LayerFragment> fragments, String path,
                                                List<AnalysisWarning> warnings) {
        Optional<FileNode> node = view.resolve(path,
                problem -> warnings.add(new AnalysisWarning("symlink-loop", null, path, problem)));
        if (node.isEmpty()) {
            return Optional.empty();
        }
        LayerFragment fragment = fragments.get(node.get().layerKey());
        return fragment == null ? Optional.empty() : Optional.ofNullable(fragment.releaseFiles().get(node.get().path()));
    }
}
