package io.stella.cli;

import io.stella.registry.auth.provider.CredentialProvider;
import io.stella.registry.auth.provider.CredentialProviders;
import io.stella.registry.auth.provider.ProvidedRepository;
import io.stella.registry.auth.provider.ProviderContext;
import io.stella.registry.auth.provider.ProviderDiscovery;
import io.stella.registry.config.RegistryConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code scan registry NAME} scans when the registry's credential provider lists repositories through the
 * cloud's API (ECR, Artifact Registry): the registry with those repositories, and one more registry per further
 * host the provider found (the member accounts and regions of an AWS Organizations walk), each with the push times
 * the API reported. Without such a provider, or with repositories listed in the config, the registry as it is.
 */
final class ProviderScanTargets {

    /** One registry to scan, with push times by {@code repository:tag}. */
    record Target(RegistryConfig registry, Map<String, Instant> pushedAt) {
    }

    /** The targets, and the parts of the provider's listing that failed. */
    record Plan(List<Target> targets, List<ProviderDiscovery.Failure> failures, Optional<String> provider) {
    }

    private ProviderScanTargets() {
    }

    static Plan plan(RegistryConfig registry, Map<String, String> env, boolean rescan) {
        Plan asItIs = new Plan(List.of(new Target(registry, Map.of())), List.of(), Optional.empty());
        if (rescan || registry.listedRepositories().isPresent()) {
            return asItIs;
        }
        Optional<CredentialProvider> provider = CredentialProviders.installed().forRegistry(registry);
        if (provider.isEmpty()) {
            return asItIs;
        }
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        ProviderDiscovery discovery = provider.get().discover(new ProviderContext(registry, env, home, Clock.systemUTC()));
        if (discovery.repositories().isEmpty() && discovery.failures().isEmpty()) {
            return asItIs; // the provider has no listing API for this registry: the catalog is used
        }
        Map<String, List<ProvidedRepository>> byHost = new TreeMap<>();
        discovery.repositories().forEach(r -> byHost.computeIfAbsent(r.registryHost(), h -> new ArrayList<>()).add(r));
        // the entry's own registry first; none at all when every part of the listing failed
        List<String> hosts = new ArrayList<>(byHost.keySet());
        if (hosts.remove(registry.hostKey())) {
            hosts.addFirst(registry.hostKey());
        }
        List<Target> targets = new ArrayList<>();
        for (String host : hosts) {
            List<ProvidedRepository> repositories = byHost.getOrDefault(host, List.of());
            Map<String, Instant> pushedAt = new HashMap<>();
            repositories.forEach(r -> r.tagPushedAt().forEach((tag, at) -> pushedAt.put(r.path() + ":" + tag, at)));
            List<String> paths = repositories.stream().map(ProvidedRepository::path).toList();
            targets.add(new Target(host.equals(registry.hostKey()) ? registry.withRepositories(paths)
                    : registry.member(host, paths), pushedAt));
        }
        return new Plan(targets, discovery.failures(), Optional.of(provider.get().name()));
    }
}
