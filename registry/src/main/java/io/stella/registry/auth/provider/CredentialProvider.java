package io.stella.registry.auth.provider;

import io.stella.registry.auth.ResolvedCredential;
import io.stella.registry.config.RegistryType;
import io.stella.registry.failure.FailureCode;
import io.stella.registry.failure.RegistryException;
import java.util.List;
import java.util.Set;

/**
 * Gets registry credentials from a cloud or vendor identity (ECR, GAR/GCR, ACR …). Implementations live in
 * their own modules ({@code registry-aws}, {@code registry-gcp}, {@code registry-azure}) so the core carries no
 * cloud SDK, and are found with {@link java.util.ServiceLoader} ({@code META-INF/services}); see
 * {@link CredentialProviders}.
 *
 * <p>A provider is asked again whenever its last credential is due for refresh
 * ({@link io.stella.registry.auth.CredentialLease}), so it must report the credential's expiry in
 * {@link ResolvedCredential#expiresAt()} whenever the cloud tells it.
 */
public interface CredentialProvider {

    /** The provider's name in output and in {@code CredentialOrigin.source} ({@code cloud:<name>}), e.g. "ecr". */
    String name();

    /** The registry types it answers for. */
    Set<RegistryType> types();

    /** The keys of the registry's {@code cloud:} section it understands; any other key is refused. */
    Set<String> settingKeys();

    /**
     * Whether this provider should answer for {@code registryHost} as the registry entry's provider: by default
     * only for the entry's own host, so a credential never goes to a registry it does not belong to. A provider
     * that discovers further registries (an Organizations walk) answers for exactly those; one for which nothing
     * is configured and no ambient identity exists may decline, so that docker config credentials are used.
     */
    default boolean answers(ProviderContext context, String registryHost) {
        return types().contains(context.registry().type()) && context.registry().hostKey().equals(registryHost);
    }

    /**
     * A fresh credential for the registry host (the entry's own host, or a member registry an Organizations
     * walk found), with its expiry when known.
     *
     * @throws RegistryException with an {@code AUTH_*} code and the cloud-specific fix when the identity is
     *         missing, rejected or not allowed, or {@code NETWORK_*} when the cloud API cannot be reached
     */
    ResolvedCredential fetch(ProviderContext context, String registryHost);

    /** {@code stella registry iam-status}: who the caller is and what it was given. */
    default IdentityReport identity(ProviderContext context) {
        throw notSupported(context, "iam-status");
    }

    /** {@code stella registry iam verify}: whether the identity may do what scans need, action by action. */
    default IdentityReport verify(ProviderContext context) {
        throw notSupported(context, "iam verify");
    }

    /** {@code stella registry oidc verify}: the federation chain from the workload's token to the registry. */
    default IdentityReport federation(ProviderContext context) {
        throw notSupported(context, "oidc verify");
    }

    /**
     * The repositories the identity can see, through the cloud's own API (ECR {@code DescribeRepositories},
     * Artifact Registry), or an empty list when the provider has no such API and {@code /v2/_catalog} is to be
     * used. Each may carry its tags' push times, which a registry scan takes as creation time when the image
     * config has none.
     */
    default List<ProvidedRepository> repositories(ProviderContext context) {
        return List.of();
    }

    /**
     * {@link #repositories} with the parts of the listing that failed; providers that walk several accounts or
     * regions override this so that a denied one is reported instead of silently missing.
     */
    default ProviderDiscovery discover(ProviderContext context) {
        return new ProviderDiscovery(repositories(context), List.of());
    }

    private RegistryException notSupported(ProviderContext context, String command) {
        return RegistryException.builder(FailureCode.COMMAND_NOT_APPLICABLE,
                        "stella registry " + command + " is not available for the " + name() + " provider")
                .registry(context.registry().hostKey())
                .hint("Use stella registry test " + context.registry().url().text() + " --verbose to check access.")
                .build();
    }
}
