package io.stella.inventory.analyzers.gobinary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trivy's fallback for the main module's version: binaries built with {@code go build} carry
 * {@code (devel)}, but often stamp a version with {@code -ldflags "-X some/pkg.version=1.2.3"}. Among the
 * {@code -X} assignments to a variable named {@code *.version} or {@code *.ver} whose value is a semantic
 * version, the first non-empty of these groups wins, and a group with more than one candidate means "unknown":
 * <ol>
 *   <li>variables under {@code <main module>/cmd/},</li>
 *   <li>variables in a package named main, common, version or cmd,</li>
 *   <li>any other.</li>
 * </ol>
 * Unlike Trivy, the result always carries the {@code v} prefix of Go module versions.
 */
final class LdflagsVersion {
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final String PRERELEASE_ID = "(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final String BUILD_ID = "[0-9A-Za-z-]+";
    /** golang.org/x/mod/semver's IsValid: shorthand v1 and v1.2 allowed, suffixes only after a full version. */
    private static final Pattern SEMVER = Pattern.compile("v" + NUMBER + "(\\." + NUMBER + "(\\." + NUMBER
            + "(-" + PRERELEASE_ID + "(\\." + PRERELEASE_ID + ")*)?(\\+" + BUILD_ID + "(\\." + BUILD_ID + ")*)?)?)?");
    private static final Set<String> VERSION_PACKAGES = Set.of("main", "common", "version", "cmd");

    private LdflagsVersion() {}

    /** The version stamped for {@code mainPath} in the {@code -ldflags} build setting, if exactly one fits. */
    static Optional<String> of(String mainPath, String ldflags) {
        List<String> words = ShellWords.split(ldflags);
        Map<String, String> assignments = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String value;
            if (word.equals("-X")) {
                if (i + 1 >= words.size()) {
                    break;
                }
                value = words.get(++i);
            } else if (word.startsWith("-X=")) {
                value = word.substring(3);
            } else if (word.startsWith("-X")) {
                value = word.substring(2);
            } else {
                continue;
            }
            for (String pair : value.split(",")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    assignments.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        List<List<String>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        assignments.forEach((rawKey, rawValue) -> {
            String key = stripLeading(rawKey, '\'');
            String value = stripTrailing(rawValue, '\'');
            if (!isVersionVariable(key) || !isSemver(value)) {
                return;
            }
            if (key.startsWith(mainPath + "/cmd/")) {
                groups.get(0).add(value);
            } else if (VERSION_PACKAGES.contains(packageName(key))) {
                groups.get(1).add(value);
            } else {
                groups.get(2).add(value);
            }
        });
        for (List<String> group : groups) {
            if (group.size() == 1) {
                String version = group.get(0);
                return Optional.of(version.startsWith("v") ? version : "v" + version);
            }
            if (group.size() > 1) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean isSemver(String version) {
        return SEMVER.matcher(version).matches() || SEMVER.matcher("v" + version).matches();
    }

    private static boolean isVersionVariable(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".version") || lower.endsWith(".ver");
    }

    /** {@code github.com/x/y/internal/version/app.ver} → {@code app}; {@code main.version} → {@code main}. */
    private static String packageName(String key) {
        String last = key.substring(key.lastIndexOf('/') + 1);
        int dot = last.indexOf('.');
        return (dot < 0 ? last : last.substring(0, dot)).toLowerCase(java.util.Locale.ROOT);
    }

    private static String stripLeading(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(0, end);
    }
}
