package io.stella.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every entry, the content of small files, and every warning a walk produces. */
class RecordingVisitor implements LayerVisitor {
    final Map<String, List<LayerEntry>> entries = new LinkedHashMap<>();
    final Map<String, String> contents = new LinkedHashMap<>();
    final List<LayerWarning> warnings = new ArrayList<>();

    @Override
    public void startLayer(LayerRef layer) {
        entries.put(layer.key(), new ArrayList<>());
    }

    @Override
    public void entry(LayerRef layer, LayerEntry entry, InputStream content) throws IOException {
        entries.get(layer.key()).add(entry);
        if (entry.type() == EntryType.FILE && entry.size() < 4096) {
            contents.put(layer.key() + ":" + entry.path(), new String(content.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void endLayer(LayerRef layer) {
    }

    @Override
    public void warning(LayerWarning warning) {
        warnings.add(warning);
    }
}
