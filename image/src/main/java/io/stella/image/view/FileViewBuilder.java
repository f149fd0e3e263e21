package io.stella.image.view;

import io.stella.image.EntryType;
import io.stella.image.LayerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Applies layers bottom-up into a {@link FileView}, as the OCI image spec's changeset rules say: a
 * layer's whiteouts and opaque markers hide what the layers beneath it have, then its own entries are
 * added; an entry replacing a directory with anything else removes what was beneath that directory.
 */
public final class FileViewBuilder {
    private final TreeMap<String, FileNode> nodes = new TreeMap<>();

    /** Applies one layer's entries (in the order they appear in the layer). */
    public FileViewBuilder apply(String layerKey, List<LayerEntry> entries) {
        for (LayerEntry entry : entries) {
            if (entry.type() == EntryType.OPAQUE) {
                removeBelow(entry.path());
            } else if (entry.type() == EntryType.WHITEOUT) {
                nodes.remove(entry.path());
                removeBelow(entry.path());
            }
        }
        List<LayerEntry> added = new ArrayList<>();
        for (LayerEntry entry : entries) {
            if (entry.type() != EntryType.OPAQUE && entry.type() != EntryType.WHITEOUT) {
                added.add(entry);
            }
        }
        for (LayerEntry entry : added) {
            FileNode previous = nodes.get(entry.path());
            if (previous != null && previous.type() == EntryType.DIRECTORY && entry.type() != EntryType.DIRECTORY) {
                removeBelow(entry.path());
            }
            nodes.put(entry.path(), toNode(layerKey, entry));
        }
        return this;
    }

    private FileNode toNode(String layerKey, LayerEntry entry) {
        if (entry.type() == EntryType.HARDLINK) {
            FileNode target = nodes.get(entry.linkTarget());
            long size = target == null ? 0 : target.size();
            // a hard link is the same file as its target: analyzers treat it as a regular file
            return new FileNode(entry.path(), EntryType.HARDLINK, size, entry.mode(), entry.linkTarget(), layerKey);
        }
        return new FileNode(entry.path(), entry.type(), entry.size(), entry.mode(), entry.linkTarget(), layerKey);
    }

    private void removeBelow(String dir) {
        if (dir.isEmpty()) {
            nodes.clear();
            return;
        }
        nodes.subMap(FileView.subtreeStart(dir), FileView.subtreeEnd(dir)).clear();
    }

    public FileView build() {
        return new FileView(new TreeMap<>(nodes));
    }
}
