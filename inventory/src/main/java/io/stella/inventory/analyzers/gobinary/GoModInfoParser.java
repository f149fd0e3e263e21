package io.stella.inventory.analyzers.gobinary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the module information text the way {@code runtime/debug.ParseBuildInfo} does: tab-separated
 * {@code path}, {@code mod}, {@code dep}, {@code =>} (replacing the module on the line before) and
 * {@code build key=value} lines. Where Go rejects the whole text for one bad line, this parser skips the
 * line and records it, so that the rest can still be reported.
 */
public final class GoModInfoParser {
    private GoModInfoParser() {}

    public static GoModInfo parse(String text) {
        String path = "";
        GoModule main = null;
        List<GoModule> dependencies = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        // Which module a following "=>" line replaces: MAIN, the last dependency, or none.
        Target last = Target.NONE;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("path\t")) {
                path = line.substring(5);
            } else if (line.startsWith("mod\t")) {
                GoModule module = module(line.substring(4));
                if (module == null) {
                    malformed.add(line);
                    last = Target.NONE;
                } else {
                    main = module;
                    last = Target.MAIN;
                }
            } else if (line.startsWith("dep\t")) {
                GoModule module = module(line.substring(4));
                if (module == null) {
                    malformed.add(line);
                    last = Target.NONE;
                } else {
                    dependencies.add(module);
                    last = Target.DEPENDENCY;
                }
            } else if (line.startsWith("=>\t")) {
                String[] fields = line.substring(3).split("\t", -1);
                if (fields.length != 3 || fields[0].isEmpty() || last == Target.NONE) {
                    malformed.add(line);
                } else {
                    GoModule replacement = new GoModule(fields[0], fields[1], fields[2], null);
                    if (last == Target.MAIN) {
                        main = main.withReplacement(replacement);
                    } else {
                        int i = dependencies.size() - 1;
                        dependencies.set(i, dependencies.get(i).withReplacement(replacement));
                    }
                }
                last = Target.NONE;
            } else if (line.startsWith("build\t")) {
                if (!setting(line.substring(6), settings)) {
                    malformed.add(line);
                }
            }
        }
        return new GoModInfo(path, main, dependencies, settings, malformed);
    }

    private enum Target { NONE, MAIN, DEPENDENCY }

    /** "path\tversion" or "path\tversion\tsum"; null when the columns do not fit. */
    private static GoModule module(String columns) {
        String[] fields = columns.split("\t", -1);
        if ((fields.length != 2 && fields.length != 3) || fields[0].isEmpty()) {
            return null;
        }
        return new GoModule(fields[0], fields[1], fields.length == 3 ? fields[2] : "", null);
    }

    /** "key=value" where key and value may be Go-quoted; false when malformed. */
    private static boolean setting(String keyValue, Map<String, String> settings) {
        String key;
        String rest;
        if (keyValue.startsWith("\"")) {
            int end = GoQuoted.prefixLength(keyValue);
            if (end < 0) {
                return false;
            }
            key = GoQuoted.unquote(keyValue.substring(0, end));
            rest = keyValue.substring(end);
        } else {
            int equals = keyValue.indexOf('=');
            if (equals < 0) {
                return false;
            }
            key = keyValue.substring(0, equals);
            rest = keyValue.substring(equals);
        }
        if (key == null || key.isEmpty() || !rest.startsWith("=")) {
            return false;
        }
        String value = rest.substring(1);
        if (value.startsWith("\"")) {
            value = GoQuoted.unquote(value);
            if (value == null) {
                return false;
            }
        }
        settings.put(key, value);
        return true;
    }
}
