package io.stella.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A requested access scope, {@code type:name:action[,action]}, e.g. {@code repository:team-a/app:pull,push}. */
record Scope(String type, String name, List<String> actions) {

    /** Empty for text that is not a scope; the name may itself contain ':' (a registry host with a port). */
    static Optional<Scope> parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last == first || last == text.length() - 1) {
            return Optional.empty();
        }
        List<String> actions = Arrays.stream(text.substring(last + 1).split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        return Optional.of(new Scope(text.substring(0, first), text.substring(first + 1, last), actions));
    }

    /** The first path segment of a repository name: its Harbor-style project. */
    String project() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
