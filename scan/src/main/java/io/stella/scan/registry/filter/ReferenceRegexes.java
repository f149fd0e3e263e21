package io.stella.scan.registry.filter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code include} or {@code exclude} regexes of a filter, matched against whole {@code registryHost/repository:tag}. */
final class ReferenceRegexes {

    private final String registryHost;
    private final List<Pattern> patterns;

    ReferenceRegexes(String registryHost, List<String> regexes) {
        this.registryHost = registryHost;
        this.patterns = regexes.stream().map(Pattern::compile).toList();
    }

    /** The first regex matching the tag's reference, as written in the config. */
    Optional<String> firstMatch(String repository, String tag) {
        String reference = registryHost + "/" + repository + ":" + tag;
        return patterns.stream().filter(p -> p.matcher(reference).matches()).map(Pattern::pattern).findFirst();
    }

    boolean matches(String repository, String tag) {
        return firstMatch(repository, tag).isPresent();
    }
}
