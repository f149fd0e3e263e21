package io.stella.registry.auth;

import java.util.List;

/**
 * A resource scope of the distribution token protocol, {@code type:name:action[,action]}, e.g.
 * {@code repository:team/app:pull} or {@code registry:catalog:*}.
 */
public record Scope(String type, String name, List<String> actions) {

    public Scope {
        actions = List.copyOf(actions);
    }

    public static Scope pull(String repository) {
        return new Scope("repository", repository, List.of("pull"));
    }

    public static Scope catalog() {
        return new Scope("registry", "catalog", List.of("*"));
    }

    /** Parses {@code type:name:actions}; the name may itself contain ':' (e.g. a port). */
    public static Scope parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 0 || first == last) {
            throw new IllegalArgumentException("not a scope: " + text);
        }
        return new Scope(text.substring(0, first), text.substring(first + 1, last),
                List.of(text.substring(last + 1).split(",")));
    }

    /** Whether this (granted) scope includes every action of {@code requested}. */
    public boolean covers(Scope requested) {
        return type.equals(requested.type) && name.equals(requested.name)
                && (actions.contains("*") || actions.containsAll(requested.actions));
    }

    @Override
    public String toString() {
        return type + ":" + name + ":" + String.join(",", actions);
    }
}
