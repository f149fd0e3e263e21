package io.stella.scan.registry.filter;

/** Why a registry scan leaves an image or tag out, named after the {@code filter:} setting responsible. */
public enum SkipReason {
    /** Every tag matched an {@code exclude} regex. */
    EXCLUDED("exclude"),
    /** Created longer ago than {@code max_age_days}. */
    TOO_OLD("max_age_days"),
    /** None of its tags is among the repository's most recent. */
    MAX_TAGS_PER_REPOSITORY("max_tags_per_repository"),
    /** Its repository is beyond the registry's repository limit. */
    MAX_REPOSITORIES_PER_REGISTRY("max_repositories_per_registry");

    private final String configKey;

    SkipReason(String configKey) {
        this.configKey = configKey;
    }

    /** The setting under a registry's {@code filter:} that caused the skip, e.g. {@code max_age_days}. */
    public String configKey() {
        return configKey;
    }
}
