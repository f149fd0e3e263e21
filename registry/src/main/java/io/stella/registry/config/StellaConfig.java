package io.stella.registry.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import io.stella.registry.auth.sources.RegistryHosts;

/**
 * stella's configuration ({@code $STELLA_HOME/config.yaml}). Unknown top-level keys are ignored so that
 * a config written for a newer stella still loads.
 *
 * @param registries per-registry settings, in file order
 * @param vulndb     the vulnerability database settings
 * @param scan       how registry scans spend their resources
 * @param store      where registry scan results are kept
 * @param alerts     where alerts go besides the log
 * @param source     the file it was loaded from; empty for the built-in empty config
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StellaConfig(List<RegistryConfig> registries, VulndbConfig vulndb, ScanConfig scan, StoreConfig store,
                           AlertsConfig alerts, Optional<Path> source) {

    public StellaConfig {
        registries = registries == null ? List.of() : List.copyOf(checkEntries(registries));
        vulndb = vulndb == null ? VulndbConfig.defaults() : vulndb;
        scan = scan == null ? ScanConfig.defaults() : scan;
        store = store == null ? StoreConfig.defaults() : store;
        alerts = alerts == null ? AlertsConfig.NONE : alerts;
        source = source == null ? Optional.empty() : source;
    }

    public StellaConfig(List<RegistryConfig> registries, VulndbConfig vulndb, ScanConfig scan, StoreConfig store,
                        Optional<Path> source) {
        this(registries, vulndb, scan, store, null, source);
    }

    public StellaConfig(List<RegistryConfig> registries, VulndbConfig vulndb, Optional<Path> source) {
        this(registries, vulndb, null, null, source);
    }

    public StellaConfig(List<RegistryConfig> registries, Optional<Path> source) {
        this(registries, null, source);
    }

    @JsonCreator
    public static StellaConfig of(@JsonProperty("registries") List<RegistryConfig> registries,
                                  @JsonProperty("vulndb") VulndbConfig vulndb,
                                  @JsonProperty("scan") ScanConfig scan,
                                  @JsonProperty("store") StoreConfig store,
                                  @JsonProperty("alerts") AlertsConfig alerts) {
        return new StellaConfig(registries, vulndb, scan, store, alerts, Optional.empty());
    }

    public static StellaConfig of(List<RegistryConfig> registries, VulndbConfig vulndb) {
        return of(registries, vulndb, null, null, null);
    }

    public static StellaConfig of(List<RegistryConfig> registries) {
        return of(registries, null);
    }

    public static StellaConfig empty() {
        return new StellaConfig(List.of(), Optional.empty());
    }

    /** The entry for a registry host (any form {@link RegistryHosts#normalise} accepts). */
    public Optional<RegistryConfig> forHost(String host) {
        OptionalInt index = indexOfHost(host);
        return index.isPresent() ? Optional.of(registries.get(index.getAsInt())) : Optional.empty();
    }

    /** The position of the host's entry in {@code registries}, for key paths like {@code registries[1]}. */
    public OptionalInt indexOfHost(String host) {
        String hostKey = RegistryHosts.normalise(host);
        return IntStream.range(0, registries.size())
                .filter(i -> registries.get(i).hostKey().equals(hostKey))
                .findFirst();
    }

    /** A copy that remembers its file, with relative file paths in it resolved against the file's directory. */
    StellaConfig loadedFrom(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        return new StellaConfig(registries.stream().map(r -> r.resolvedAgainst(directory)).toList(),
                vulndb.resolvedAgainst(directory), scan, store.resolvedAgainst(directory), alerts, Optional.of(file));
    }

    private static List<RegistryConfig> checkEntries(List<RegistryConfig> registries) {
        Map<String, Integer> indexByHost = new HashMap<>();
        Map<String, Integer> indexByName = new HashMap<>();
        List<RegistryConfig> checked = new ArrayList<>(registries.size());
        for (int i = 0; i < registries.size(); i++) {
            RegistryConfig registry = registries.get(i);
            if (registry == null) {
                throw new InvalidConfigValueException("registries[" + i + "]",
                        "the entry is empty; give at least url, or remove the '-' line");
            }
            Integer sameHost = indexByHost.putIfAbsent(registry.hostKey(), i);
            if (sameHost != null) {
                throw new InvalidConfigValueException("registries[" + i + "].url", "registry " + registry.hostKey()
                        + " is already configured by registries[" + sameHost + "]; merge the two entries");
            }
            Integer sameName = indexByName.putIfAbsent(registry.name(), i);
            if (sameName != null) {
                throw new InvalidConfigValueException("registries[" + i + "].name", "name '" + registry.name()
                        + "' is already used by registries[" + sameName + "]; names must be unique");
            }
            checked.add(registry);
        }
        return checked;
    }
}
