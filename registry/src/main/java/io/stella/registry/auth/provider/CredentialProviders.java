package io.stella.registry.auth.provider;

import io.stella.registry.config.RegistryConfig;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The credential providers in this build, found with {@link ServiceLoader}. */
public final class CredentialProviders {
    private final List<CredentialProvider> providers;

    public CredentialProviders(List<CredentialProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The providers on the class path. */
    public static CredentialProviders installed() {
        return new CredentialProviders(ServiceLoader.load(CredentialProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public List<CredentialProvider> all() {
        return providers;
    }

    public Optional<CredentialProvider> forType(RegistryType type) {
        return providers.stream().filter(p -> p.types().contains(type)).findFirst();
    }

    /**
     * The provider for a registry entry, with its {@code cloud:} keys checked; empty when the entry's type has
     * no provider and no {@code cloud:} section.
     *
     * @throws RegistryException {@code CONFIG_INVALID} for a {@code cloud:} section no provider of this build
     *         reads, or a key the provider does not know
     */
    public Optional<CredentialProvider> forRegistry(RegistryConfig registry) {
        Optional<CredentialProvider> provider = forType(registry.type());
        if (provider.isEmpty()) {
            if (!registry.cloud().isEmpty()) {
                throw RegistryException.builder(FailureCode.CONFIG_INVALID, "registry " + registry.name()
                                + " has a cloud: section, but this build has no credential provider for type "
                                + registry.type().configName())
                        .registry(registry.hostKey())
                        .hint("Providers in this build: " + names() + ". Set the registry's type to one of their "
                                + "types, or remove the cloud: section.")
                        .build();
            }
            return Optional.empty();
        }
        Set<String> unknown = new TreeSet<>(registry.cloud().keys());
        unknown.removeAll(provider.get().settingKeys());
        if (!unknown.isEmpty()) {
            throw RegistryException.builder(FailureCode.CONFIG_INVALID, "registry " + registry.name()
                            + ": unknown key cloud." + unknown.iterator().next() + " for the " + provider.get().name()
                            + " provider")
                    .registry(registry.hostKey())
                    .hint("Known keys: " + String.join(", ", new TreeSet<>(provider.get().settingKeys())) + ".")
                    .build();
        }
        return provider;
    }

    private String names() {
        return providers.isEmpty() ? "none" : String.join(", ", providers.stream().map(CredentialProvider::name).toList());
    }
}
