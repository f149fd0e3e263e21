package io.stella.inventory.analysis;

import io.stella.image.LayerEntry;
import io.stella.inventory.AnalysisWarning;
import io.stella.inventory.Package;
import java.util.List;
import java.util.Map;

/**
 * What one layer contributes, independent of the layers around it: its entries (for the merged file
 * view), the packages found in its files keyed by the file they were read from, the release files it
 * holds, and its warnings. A layer shared by many images yields the same fragment each time.
 */
public record LayerFragment(String layerKey, List<LayerEntry> entries, Map<String, List<Package>> packagesByPath,
                            Map<String, byte[]> releaseFiles, List<AnalysisWarning> warnings) {
}
