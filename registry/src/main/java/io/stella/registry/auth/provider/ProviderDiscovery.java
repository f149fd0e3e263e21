package io.stella.registry.auth.provider;

import io.stella.registry.failure.RegistryException;
import java.util.List;

/**
 * What a provider's cloud API listed: the repositories, and the parts of the walk that failed (an AWS
 * Organizations member account whose role cannot be assumed, a region that denies listing). A failed part is
 * reported as such, never left out as if it were empty.
 */
public record ProviderDiscovery(List<ProvidedRepository> repositories, List<Failure> failures) {
    public ProviderDiscovery {
        repositories = List.copyOf(repositories);
        failures = List.copyOf(failures);
    }

    /**
     * @param scope   what could not be listed, e.g. {@code account 444455556666} or {@code account 1111… region eu-west-1}
     * @param failure why, with its code and fix
     */
    public record Failure(String scope, RegistryException failure) {
    }
}
