package io.stella.vulndb.version;

import io.stella.vulndb.model.Ecosystems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The installed version schemes, by ecosystem family. */
public final class VersionSchemes {
    private static final VersionSchemes INSTALLED = new VersionSchemes(
            ServiceLoader.load(VersionScheme.class, VersionScheme.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get).toList());

    private final Map<String, VersionScheme> byFamily = new HashMap<>();
    private final Map<String, VersionScheme> byId = new HashMap<>();

    public VersionSchemes(List<VersionScheme> schemes) {
        for (VersionScheme scheme : schemes) {
            byId.put(scheme.id(), scheme);
            for (String family : scheme.ecosystems()) {
                VersionScheme previous = byFamily.putIfAbsent(family, scheme);
                if (previous != null) {
                    throw new IllegalStateException("two version schemes claim ecosystem " + family + ": "
                            + previous.id() + " and " + scheme.id());
                }
            }
        }
    }

    public static VersionSchemes installed() {
        return INSTALLED;
    }

    /** The scheme of an ecosystem ({@code Debian:12} and {@code Debian} give the same). */
    public Optional<VersionScheme> forEcosystem(String ecosystem) {
        return Optional.ofNullable(byFamily.get(Ecosystems.family(ecosystem)));
    }

    public Optional<VersionScheme> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
