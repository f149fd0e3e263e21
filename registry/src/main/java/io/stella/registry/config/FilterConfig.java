package io.stella.registry.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filter:} of a registry entry: which images a registry scan takes. Every setting is
 * optional; {@link #NONE} takes every image. The regexes are Java regexes matched against the whole
 * {@code registryHost/repository:tag}, e.g. {@code harbor.example.com/team-a/app:1.2}.
 *
 * @param include                    an image with a tag matching one is always scanned, whatever the other settings say
 * @param exclude                    an image whose tags all match one is skipped
 * @param maxAgeDays                 images created longer ago are skipped; null for no limit
 * @param maxTagsPerRepository       only this many of each repository's most recent tags are scanned; null for no limit
 * @param maxRepositoriesPerRegistry only this many repositories (the first by name) are scanned; null for no limit
 */
public record FilterConfig(List<String> include, List<String> exclude, Integer maxAgeDays, Integer maxTagsPerRepository,
                           Integer maxRepositoriesPerRegistry) {

    public static final FilterConfig NONE = new FilterConfig(null, null, null, null, null);

    public FilterConfig {
        include = regexes("include", include);
        exclude = regexes("exclude", exclude);
        requirePositive("max_age_days", maxAgeDays, "remove it to scan images of any age");
        requirePositive("max_tags_per_repository", maxTagsPerRepository, "remove it to scan every tag");
        requirePositive("max_repositories_per_registry", maxRepositoriesPerRegistry, "remove it to scan every repository");
    }

    /** Whether nothing is filtered. */
    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty() && maxAgeDays == null && maxTagsPerRepository == null
                && maxRepositoriesPerRegistry == null;
    }

    private static List<String> regexes(String key, List<String> regexes) {
        if (regexes == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>(regexes.size());
        for (int i = 0; i < regexes.size(); i++) {
            String entryKey = key + "[" + i + "]";
            String regex = regexes.get(i);
            if (regex == null || regex.isEmpty()) {
                throw new InvalidConfigValueException(entryKey,
                        entryKey + " is empty; give a regular expression or remove the '-' line");
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                String near = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
                throw new InvalidConfigValueException(entryKey, entryKey + " '" + regex
                        + "' is not a valid regular expression: " + e.getDescription() + near);
            }
            checked.add(regex);
        }
        return List.copyOf(checked);
    }

    private static void requirePositive(String key, Integer value, String otherwise) {
        if (value != null && value < 1) {
            throw new InvalidConfigValueException(key, key + " must be at least 1, not " + value + "; " + otherwise);
        }
    }
}
