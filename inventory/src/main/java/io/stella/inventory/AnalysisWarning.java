package io.stella.inventory;

/**
 * Something an analysis could not do or refused to do, shown to the user.
 *
 * @param kind    stable short name, e.g. {@code path-traversal}, {@code inventory-empty}
 * @param layer   the layer digest involved, or null
 * @param path    the file or tar entry involved, or null
 * @param message plain-language explanation
 */
public record AnalysisWarning(String kind, String layer, String path, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind).append(": ").append(message);
        if (path != null) {
            b.append(" [entry ").append(path).append(']');
        }
        if (layer != null) {
            b.append(" [layer ").append(layer).append(']');
        }
        return b.toString();
    }
}
