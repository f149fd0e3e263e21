package io.stella.registry.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code repositories:} list of a registry entry: repository paths as the distribution spec names them. */
final class RepositoryPaths {

    // distribution spec: path components of lower-case letters and digits joined by '.', '_', '__' or '-'s
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final int MAX_LENGTH = 255;
    static final String EMPTY_LIST = "repositories is empty; list the repositories to scan, "
            + "or remove the key to discover them from the registry's catalog";

    private RepositoryPaths() {
    }

    /** The list, checked; null when not given. */
    static List<String> check(List<String> repositories, String hostKey) {
        if (repositories == null) {
            return null;
        }
        if (repositories.isEmpty()) {
            throw new InvalidConfigValueException("repositories", EMPTY_LIST);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> checked = new ArrayList<>(repositories.size());
        for (int i = 0; i < repositories.size(); i++) {
            String key = "repositories[" + i + "]";
            String repository = repositories.get(i);
            checkOne(key, repository, hostKey);
            Integer earlier = seen.putIfAbsent(repository, i);
            if (earlier != null) {
                throw new InvalidConfigValueException(key, key + " '" + repository
                        + "' is already listed as repositories[" + earlier + "]; list it once");
            }
            checked.add(repository);
        }
        return List.copyOf(checked);
    }

    private static void checkOne(String key, String repository, String hostKey) {
        if (repository == null || repository.isBlank()) {
            throw new InvalidConfigValueException(key, key + " is empty; give a repository path such as team-a/app "
                    + "or remove the '-' line");
        }
        if (repository.startsWith(hostKey + "/")) {
            throw new InvalidConfigValueException(key, key + " '" + repository + "' starts with the registry host; "
                    + "give the repository path alone, e.g. " + repository.substring(hostKey.length() + 1));
        }
        if (repository.contains(":") || repository.contains("@")) {
            throw new InvalidConfigValueException(key, key + " '" + repository + "' has a tag or digest; "
                    + "give the repository path alone, e.g. team-a/app (all its tags are scanned)");
        }
        if (!PATH.matcher(repository).matches()) {
            throw new InvalidConfigValueException(key, key + " '" + repository + "' is not a repository path: "
                    + "components of lower-case letters and digits, separated within by '.', '_', '__' or '-' "
                    + "and joined by '/', e.g. team-a/app");
        }
        if (repository.length() > MAX_LENGTH) {
            throw new InvalidConfigValueException(key, key + " is " + repository.length()
                    + " characters long; registries accept at most " + MAX_LENGTH);
        }
    }
}
