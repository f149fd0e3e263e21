package io.stella.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may do what: per-user grants on projects (first repository path segment, "*" for all), grants for anonymous
 * callers, and which users may list the catalog. Requested actions the caller lacks are dropped, never refused.
 */
final class AccessPolicy {

    static final String ANONYMOUS = "";
    private static final String ALL = "*";

    private final Map<String, Map<String, Set<String>>> grants = new ConcurrentHashMap<>();
    private final Set<String> catalogUsers = ConcurrentHashMap.newKeySet();

    void grant(String user, String project, List<String> actions) {
        grants.computeIfAbsent(user, u -> new ConcurrentHashMap<>())
                .computeIfAbsent(project, p -> ConcurrentHashMap.newKeySet())
                .addAll(actions);
    }

    void allowCatalog(String user) {
        catalogUsers.add(user);
    }

    /** The granted part of the requested scopes, merged per resource, as {@code access} claim entries. */
    List<Map<String, Object>> authorize(String user, List<Scope> requested) {
        Map<String, Set<String>> byResource = new LinkedHashMap<>();
        Map<String, Scope> resources = new LinkedHashMap<>();
        for (Scope scope : requested) {
            String key = scope.type() + "\u0000" + scope.name();
            resources.putIfAbsent(key, scope);
            Set<String> granted = byResource.computeIfAbsent(key, k -> new LinkedHashSet<>());
            for (String action : scope.actions()) {
                if (allowed(user, scope, action)) {
                    granted.add(action);
                }
            }
        }
        List<Map<String, Object>> access = new ArrayList<>();
        byResource.forEach((key, actions) -> {
            if (!actions.isEmpty()) {
                Scope scope = resources.get(key);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("type", scope.type());
                entry.put("name", scope.name());
                entry.put("actions", List.copyOf(actions));
                access.add(entry);
            }
        });
        return access;
    }

    private boolean allowed(String user, Scope scope, String action) {
        return switch (scope.type()) {
            case "registry" -> !user.equals(ANONYMOUS) && scope.name().equals("catalog")
                    && catalogUsers.contains(user);
            case "repository" -> granted(user, scope.project(), action)
                    || granted(ANONYMOUS, scope.project(), action);
            default -> false;
        };
    }

    private boolean granted(String user, String project, String action) {
        Map<String, Set<String>> projects = grants.get(user);
        if (projects == null) {
            return false;
        }
        Set<String> actions = new HashSet<>(projects.getOrDefault(project, Set.of()));
        actions.addAll(projects.getOrDefault(ALL, Set.of()));
        return actions.contains(ALL) || actions.contains(action);
    }
}
