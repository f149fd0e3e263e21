package io.stella.vulndb.match;

import io.stella.vulndb.model.Advisory;
import io.stella.vulndb.model.Affected;
import io.stella.vulndb.model.Ecosystems;
import io.stella.vulndb.store.AffectedEntry;
import io.stella.vulndb.store.DatabaseStatus;
import io.stella.vulndb.store.VulnerabilityStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Advisories held in a list, looked up the way the SQLite store does (key + normalised name, withdrawn excluded). */
final class InMemoryStore implements VulnerabilityStore {
    private final List<AffectedEntry> entries = new ArrayList<>();

    InMemoryStore add(Advisory advisory, Affected... affected) {
        for (Affected a : affected) {
            entries.add(new AffectedEntry(advisory, a));
        }
        return this;
    }

    @Override
    public List<AffectedEntry> affecting(String ecosystemKey, String normalizedName) {
        return entries.stream()
                .filter(e -> e.advisory().withdrawn() == null)
                .filter(e -> Ecosystems.key(e.affected().ecosystem()).equals(ecosystemKey))
                .filter(e -> Ecosystems.normalizeName(e.affected().ecosystem(), e.affected().name()).equals(normalizedName))
                .toList();
    }

    @Override
    public Set<String> ecosystemKeys() {
        Set<String> keys = new HashSet<>();
        entries.forEach(e -> keys.add(Ecosystems.key(e.affected().ecosystem())));
        return keys;
    }

    @Override
    public DatabaseStatus status() {
        return new DatabaseStatus("memory", Instant.EPOCH, List.of());
    }

    @Override
    public void close() {
    }
}
