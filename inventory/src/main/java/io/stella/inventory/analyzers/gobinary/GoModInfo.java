package io.stella.inventory.analyzers.gobinary;

import java.util.List;
import java.util.Map;

/**
 * The parsed module information text of a Go binary.
 *
 * @param path           the main package's import path ({@code path} line), "" when absent
 * @param main           the main module ({@code mod} line), null for GOPATH-mode builds
 * @param dependencies   the {@code dep} lines in order, replacements attached
 * @param settings       the {@code build} key=value settings in order, values unquoted
 * @param malformedLines lines that were skipped because they did not fit the format
 */
public record GoModInfo(String path, GoModule main, List<GoModule> dependencies, Map<String, String> settings,
        List<String> malformedLines) {
    public GoModInfo {
        dependencies = List.copyOf(dependencies);
        settings = Map.copyOf(settings);
        malformedLines = List.copyOf(malformedLines);
    }
}
